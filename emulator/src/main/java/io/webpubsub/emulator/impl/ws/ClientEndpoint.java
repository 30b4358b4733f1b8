package io.webpubsub.emulator.impl.ws;

import io.webpubsub.emulator.EventHandler;
import io.webpubsub.emulator.impl.Engine;
import io.webpubsub.emulator.impl.HttpReplies;
import io.webpubsub.emulator.impl.Names;
import io.webpubsub.emulator.impl.auth.GroupPattern;
import io.webpubsub.emulator.impl.auth.Jwt;
import io.webpubsub.emulator.impl.auth.TokenValidator;
import io.webpubsub.emulator.impl.hub.ClientConnection;
import io.webpubsub.emulator.impl.hub.ClientConnection.Protocol;
import io.webpubsub.emulator.impl.hub.Hub;
import io.webpubsub.emulator.impl.hub.Permissions;
import io.webpubsub.emulator.impl.upstream.Upstream;
import io.webpubsub.emulator.impl.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The client WebSocket endpoint {@code /client/hubs/{hub}} and {@code /client/?hub=}: authenticates,
 * runs the blocking {@code connect} event, picks the subprotocol and upgrades; or recovers a reliable connection.
 */
public final class ClientEndpoint {
    /** Subprotocols the emulator speaks, in no particular order. */
    public static final Map<String, Protocol> SUBPROTOCOLS = Map.of(
            "json.webpubsub.azure.v1", Protocol.JSON,
            "json.reliable.webpubsub.azure.v1", Protocol.RELIABLE);

    private final Engine engine;
    private final ClientMessages messages;
    private final ServerWebSocketContainer container;

    /** @param container the Jetty WebSocket container used to upgrade */
    public ClientEndpoint(Engine engine, ServerWebSocketContainer container) {
        this.engine = engine;
        this.messages = new ClientMessages(engine);
        this.container = container;
    }

    /** A handshake refused with an HTTP status. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** What the handshake knows before the {@code connect} event. */
    /** Who a connection is and what it may do: from its token, then as the connect handler answers. */
    private static final class Identity {
        String userId;
        List<String> roles;
        List<String> groups;
        String state;
        String subprotocol;

        static Identity of(Jwt token) {
            Identity who = new Identity();
            who.userId = token == null ? null : first(token.stringsClaim("sub"));
            who.roles = token == null ? List.of() : token.stringsClaim("role");
            who.groups = token == null ? List.of() : token.stringsClaim("webpubsub.group");
            return who;
        }

        void answer(Upstream.Reply reply, List<String> offered) throws Refusal {
            if (!reply.ok()) {
                throw new Refusal(reply.status(), "The connect event handler refused the connection.");
            }
            state = reply.connectionState();
            JsonObject body = connectBody(reply);
            if (body == null) {
                return;
            }
            if (body.containsKey("userId")) {
                userId = body.isNull("userId") ? null : stringOf(body.get("userId"));
            }
            if (body.get("roles") instanceof jakarta.json.JsonArray a) {
                roles = a.stream().map(Jwt::text).toList();
            }
            if (body.get("groups") instanceof jakarta.json.JsonArray a && !a.isEmpty()) {
                groups = a.stream().map(Jwt::text).toList();
            }
            if (body.get("subprotocol") instanceof JsonString s && !s.getString().isEmpty()) {
                subprotocol = s.getString();
                if (!offered.contains(subprotocol)) {
                    throw new Refusal(500, "The connect event handler chose a subprotocol the client did not offer.");
                }
            }
        }
    }

    private record Handshake(Request request, Response response, Callback callback, Fields query, String hub,
                             List<String> offered, Jwt token, ClientMessages.RawMode mode, String connectionId) {
    }

    /**
     * Handles a request under {@code /client}; {@code segments} are the decoded path segments after it. The
     * {@code connect} event is posted asynchronously, so a hanging handler holds no thread; at most
     * {@code pendingConnectLimit} handshakes of a hub wait for it, the others get 429 at once.
     */
    public void handle(Request request, Response response, Callback callback, List<String> segments) {
        try {
            upgrade(request, response, callback, segments);
        } catch (Refusal r) {
            refuse(response, callback, r);
        }
    }

    private static void refuse(Response response, Callback callback, Refusal r) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        if (r.status == 429) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        }
        HttpReplies.text(response, callback, r.status, r.getMessage());
    }

    private void upgrade(Request request, Response response, Callback callback, List<String> segments) throws Refusal {
        Fields query = query(request);
        String hub = hubName(segments, query).toLowerCase(Locale.ROOT);
        if (!"websocket".equalsIgnoreCase(request.getHeaders().get(HttpHeader.UPGRADE))) {
            throw new Refusal(400, "This endpoint accepts WebSocket requests only.");
        }
        List<String> offered = offeredSubprotocols(request);
        String recoverId = query.getValue("awps_connection_id");
        String recoverToken = query.getValue("awps_reconnection_token");
        if (recoverId != null && recoverToken != null) {
            recover(request, response, callback, engine.hub(hub), recoverId, recoverToken, offered);
            return;
        }
        Jwt token = authenticate(request, query, hub);
        Handshake h = new Handshake(request, response, callback, query, hub, offered, token, rawMode(query),
                Engine.newConnectionId());
        EventHandler connectHandler = engine.systemHandler(hub, "connect");
        if (connectHandler == null) {
            accept(h, null);
        } else {
            askConnectHandler(connectHandler, h);
        }
    }

    private static Fields query(Request request) throws Refusal {
        try {
            return Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            throw new Refusal(400, "The query string has an invalid %-escape.");
        }
    }

    /** The hub of {@code /client/hubs/{hub}} or {@code /client/?hub=}, checked against the service's rules. */
    private static String hubName(List<String> segments, Fields query) throws Refusal {
        String hubName;
        if (segments.size() == 2 && segments.get(0).equals("hubs")) {
            hubName = segments.get(1);
        } else if (segments.isEmpty() || segments.size() == 1 && segments.get(0).isEmpty()) {
            hubName = query.getValue("hub");
            if (hubName == null) {
                throw new Refusal(400, "The hub query parameter is required.");
            }
        } else {
            throw new Refusal(404, "Not found.");
        }
        String hubError = Names.hubError(hubName);
        if (hubError != null) {
            throw new Refusal(400, hubError);
        }
        return hubName;
    }

    /** Posts the {@code connect} event and completes the handshake when the handler answers. */
    private void askConnectHandler(EventHandler connectHandler, Handshake h) throws Refusal {
        Hub counted = engine.hub(h.hub());
        if (!counted.startConnect(engine.settings().pendingConnectLimit())) {
            engine.trace().log(h.hub(), "client connection refused: too many connect events wait for the handler");
            throw new Refusal(429, "Too many connections wait for the connect event handler; retry later.");
        }
        connect(connectHandler, h).whenComplete((reply, failure) -> {
            counted.connectDone();
            try {
                if (failure != null || reply.status() == 0) {
                    throw new Refusal(500, "The connect event handler did not answer.");
                }
                accept(h, reply);
            } catch (Refusal r) {
                refuse(h.response(), h.callback(), r);
            } catch (Throwable t) {
                engine.trace().log(h.hub(), "client handshake failed: " + t.getClass().getName());
                refuse(h.response(), h.callback(), new Refusal(500, "Internal error."));
            }
        });
    }

    /** Completes the handshake with the connect handler's {@code reply} (null without a connect handler). */
    private void accept(Handshake h, Upstream.Reply reply) throws Refusal {
        Identity who = Identity.of(h.token());
        if (reply != null) {
            who.answer(reply, h.offered());
        }
        String chosen = who.subprotocol;
        List<String> groups = who.groups;
        List<String> roles = who.roles;
        String userId = who.userId;
        String state = who.state;
        ClientMessages.RawMode mode = h.mode();
        List<String> offered = h.offered();
        if (chosen == null) {
            chosen = offered.stream().filter(SUBPROTOCOLS::containsKey).findFirst().orElse(null);
        }
        for (String g : groups) {
            String error = Names.groupError(g);
            if (error != null) {
                throw new Refusal(400, error);
            }
        }
        Permissions permissions;
        try {
            permissions = Permissions.fromRoles(roles, pattern -> GroupPattern.compile(pattern)::matches);
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "Invalid role: " + e.getMessage());
        }
        Protocol protocol = chosen == null ? Protocol.RAW : SUBPROTOCOLS.getOrDefault(chosen, Protocol.RAW);
        ClientConnection c = new ClientConnection(h.connectionId(), h.hub(), userId, protocol, chosen, permissions,
                state, engine.settings().outboundQueueLimit(), engine.settings().outboundQueueBytes(),
                        engine::overflow);
        if (protocol == Protocol.RAW) {
            messages.rawMode(c, mode);
        }
        List<String> initialGroups = List.copyOf(groups);
        String accepted = chosen;
        boolean upgraded = container.upgrade((upgradeRequest, upgradeResponse, cb) -> {
            if (accepted != null) {
                upgradeResponse.setAcceptedSubProtocol(accepted);
            }
            return ClientSocket.opening(engine, messages, c, initialGroups);
        }, h.request(), h.response(), h.callback());
        if (!upgraded) {
            throw new Refusal(400, "The WebSocket upgrade failed.");
        }
    }

    private void recover(Request request, Response response, Callback callback, Hub hub, String connectionId,
                         String token, List<String> offered) throws Refusal {
        ClientConnection c = hub.connection(connectionId);
        boolean ok = c != null && !c.isEnded() && c.protocol() == Protocol.RELIABLE
                && engine.validReconnectionToken(token, connectionId);
        String accepted = ok ? (offered.contains(c.subprotocol()) ? c.subprotocol() : null)
                : offered.stream().filter(SUBPROTOCOLS::containsKey).findFirst().orElse(null);
        engine.trace().log(hub.name(), "recovery of connection " + connectionId + (ok ? " accepted" : " refused"));
        boolean upgraded = container.upgrade((upgradeRequest, upgradeResponse, cb) -> {
            if (accepted != null) {
                upgradeResponse.setAcceptedSubProtocol(accepted);
            }
            return ok ? ClientSocket.recovering(engine, messages, c)
                    : ClientSocket.refused("The connection cannot be recovered.");
        }, request, response, callback);
        if (!upgraded) {
            throw new Refusal(400, "The WebSocket upgrade failed.");
        }
    }

    private Jwt authenticate(Request request, Fields query, String hub) throws Refusal {
        String token = query.getValue("access_token");
        if (token == null) {
            String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = auth.substring(7).trim();
            }
        }
        if (token == null || token.isEmpty()) {
            if (engine.anonymousAllowed(hub)) {
                return null;
            }
            throw new Refusal(401, "Unauthorized: an access token is required.");
        }
        String hostPort = request.getHttpURI().getAuthority();
        try {
            return engine.validator().validateClient(token, hub, hostPort);
        } catch (TokenValidator.AuthException e) {
            engine.trace().log(hub, "client connection refused: " + e.getMessage());
            throw new Refusal(401, "Unauthorized: " + e.getMessage() + ".");
        }
    }

    private static ClientMessages.RawMode rawMode(Fields query) throws Refusal {
        String mode = last(query.getValues("webpubsub_mode"));
        if (mode == null || mode.equalsIgnoreCase("sendEvent")) {
            return new ClientMessages.RawMode(null, false);
        }
        if (!mode.equalsIgnoreCase("sendToGroup")) {
            throw new Refusal(400, "Invalid webpubsub_mode '" + mode + "': expected sendEvent or sendToGroup.");
        }
        String group = last(query.getValues("group"));
        String error = Names.groupError(group);
        if (error != null) {
            throw new Refusal(400, error);
        }
        String noEcho = last(query.getValues("noEcho"));
        if (noEcho != null && !noEcho.equalsIgnoreCase("true") && !noEcho.equalsIgnoreCase("false")) {
            throw new Refusal(400, "Invalid noEcho '" + noEcho + "': expected true or false.");
        }
        return new ClientMessages.RawMode(group, "true".equalsIgnoreCase(noEcho));
    }

    private java.util.concurrent.CompletableFuture<Upstream.Reply> connect(EventHandler handler, Handshake hs) {
        Jwt token = hs.token();
        Request request = hs.request();
        Fields query = hs.query();
        List<String> offered = hs.offered();
        String userId = token == null ? null : first(token.stringsClaim("sub"));
        JsonObjectBuilder claims = Jsons.PROVIDER.createObjectBuilder();
        if (token != null) {
            token.claims().forEach((name, value) -> claims.add(name, stringArray(token.stringsClaim(name))));
        }
        JsonObjectBuilder q = Jsons.PROVIDER.createObjectBuilder();
        for (Fields.Field f : query) {
            if (!f.getName().equals("access_token")) {
                q.add(f.getName(), stringArray(f.getValues()));
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField f : request.getHeaders()) {
            if (!f.getName().equalsIgnoreCase("Authorization")) {
                headers.computeIfAbsent(f.getName(), k -> new ArrayList<>()).add(f.getValue());
            }
        }
        JsonObjectBuilder h = Jsons.PROVIDER.createObjectBuilder();
        headers.forEach((k, v) -> h.add(k, stringArray(v)));
        JsonObject body = Jsons.PROVIDER.createObjectBuilder().add("claims", claims).add("query", q).add("headers", h)
                .add("subprotocols", stringArray(offered)).add("clientCertificates",
                        Jsons.PROVIDER.createArrayBuilder()).build();
        Upstream.Source source = new Upstream.Source(hs.hub(), hs.connectionId(), userId, null, null, 0);
        // the whole exchange, retries included, is bounded so that a place of the pending-connect limit always returns
        return engine.upstream().post(handler, source, "azure.webpubsub.sys.connect", "connect",
                        "application/json; charset=utf-8", body.toString().getBytes(StandardCharsets.UTF_8))
                .orTimeout(engine.settings().upstreamTimeout().toMillis() * 5 + 60_000, TimeUnit.MILLISECONDS);
    }

    private static JsonObject connectBody(Upstream.Reply reply) throws Refusal {
        if (reply.status() == 204 || reply.body().length == 0) {
            return null;
        }
        try (var reader = Jsons.PROVIDER.createReader(new StringReader(new String(reply.body(),
                StandardCharsets.UTF_8)))) {
            JsonValue v = reader.readValue();
            if (v.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            return v.asJsonObject();
        } catch (RuntimeException e) {
            throw new Refusal(500, "The connect event handler returned an invalid body.");
        }
    }

    private static JsonArrayBuilder stringArray(List<String> values) {
        JsonArrayBuilder a = Jsons.PROVIDER.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }

    private static List<String> offeredSubprotocols(Request request) {
        List<String> list = new ArrayList<>();
        for (String value : request.getHeaders().getValuesList(HttpHeader.SEC_WEBSOCKET_SUBPROTOCOL)) {
            for (String p : value.split(",")) {
                if (!p.isBlank()) {
                    list.add(p.trim());
                }
            }
        }
        return list;
    }

    private static String stringOf(JsonValue v) {
        return Jwt.text(v);
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private static String last(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** Decodes one path segment. */
    public static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
