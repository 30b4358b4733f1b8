package io.webpubsub.emulator.impl.rest;

import io.webpubsub.emulator.impl.Engine;
import io.webpubsub.emulator.impl.auth.Jwt;
import io.webpubsub.emulator.impl.hub.ClientConnection;
import io.webpubsub.emulator.impl.hub.Delivery;
import io.webpubsub.emulator.impl.hub.Hub;
import io.webpubsub.emulator.impl.hub.Payload;
import io.webpubsub.emulator.impl.hub.Permissions;
import io.webpubsub.emulator.impl.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The 25 operations of the REST data plane, each a {@link Route}: what they check, do and answer. */
final class Operations {

    private final Engine engine;

    Operations(Engine engine) {
        this.engine = engine;
    }

    /** The route table, one entry per operation of the REST API. */
    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.add(Route.of("HEAD", "health", "getServiceStatus", c -> { }));
        routes.add(Route.of("GET", "health", "getServiceStatus", c -> { }));
        routes.add(Route.of("POST", "hubs/{hub}/:addToGroups", "addConnectionsToGroups", c -> groups(c, true)));
        routes.add(Route.of("POST", "hubs/{hub}/:removeFromGroups", "removeConnectionsFromGroups",
                c -> groups(c, false)));
        routes.add(Route.of("POST", "hubs/{hub}/:closeConnections", "closeAllConnections",
                c -> close(c, c.hub().connections())));
        routes.add(Route.of("POST", "hubs/{hub}/:generateToken", "generateClientToken", this::generateToken));
        routes.add(Route.of("POST", "hubs/{hub}/:send", "sendToAll",
                c -> send(c, null, c.hub().connections(), true, true)));
        routes.add(Route.of("DELETE", "hubs/{hub}/connections/{connectionId}", "closeConnection",
                this::closeConnection));
        routes.add(Route.of("HEAD", "hubs/{hub}/connections/{connectionId}", "connectionExists",
                c -> exists(c.hub().connection(c.var("connectionId")) != null)));
        routes.add(Route.of("POST", "hubs/{hub}/connections/{connectionId}/:send", "sendToConnection",
                c -> send(c, null, connectionList(c), false, false)));
        routes.add(Route.of("DELETE", "hubs/{hub}/connections/{connectionId}/groups", "removeConnectionFromAllGroups",
                c -> leaveAll(c, connectionList(c))));
        routes.add(Route.of("HEAD", "hubs/{hub}/groups/{group}", "groupExists",
                c -> exists(!c.hub().group(c.group()).isEmpty())));
        routes.add(Route.of("POST", "hubs/{hub}/groups/{group}/:closeConnections", "closeGroupConnections",
                c -> close(c, c.hub().group(c.group()))));
        routes.add(Route.of("POST", "hubs/{hub}/groups/{group}/:send", "sendToGroup",
                c -> send(c, c.group(), c.hub().group(c.group()), true, true)));
        routes.add(Route.of("GET", "hubs/{hub}/groups/{group}/connections", "listConnectionsInGroup", this::listGroup));
        routes.add(Route.of("DELETE", "hubs/{hub}/groups/{group}/connections/{connectionId}",
                "removeConnectionFromGroup",
                this::removeFromGroup));
        routes.add(Route.of("PUT", "hubs/{hub}/groups/{group}/connections/{connectionId}", "addConnectionToGroup",
                this::addToGroup));
        routes.add(Route.of("DELETE", "hubs/{hub}/permissions/{permission}/connections/{connectionId}",
                "revokePermission",
                c -> permission(c, "DELETE")));
        routes.add(Route.of("HEAD", "hubs/{hub}/permissions/{permission}/connections/{connectionId}", "checkPermission",
                c -> permission(c, "HEAD")));
        routes.add(Route.of("PUT", "hubs/{hub}/permissions/{permission}/connections/{connectionId}", "grantPermission",
                c -> permission(c, "PUT")));
        routes.add(Route.of("HEAD", "hubs/{hub}/users/{userId}", "userExists",
                c -> exists(!c.hub().user(c.var("userId")).isEmpty())));
        routes.add(Route.of("POST", "hubs/{hub}/users/{userId}/:closeConnections", "closeUserConnections",
                c -> close(c, c.hub().user(c.var("userId")))));
        routes.add(Route.of("POST", "hubs/{hub}/users/{userId}/:send", "sendToUser",
                c -> send(c, null, c.hub().user(c.var("userId")), false, true)));
        routes.add(Route.of("DELETE", "hubs/{hub}/users/{userId}/groups", "removeUserFromAllGroups",
                c -> leaveAll(c, c.hub().user(c.var("userId")))));
        routes.add(Route.of("DELETE", "hubs/{hub}/users/{userId}/groups/{group}", "removeUserFromGroup",
                this::removeUserFromGroup));
        routes.add(Route.of("PUT", "hubs/{hub}/users/{userId}/groups/{group}", "addUserToGroup", this::addUserToGroup));
        return List.copyOf(routes);
    }


    private static void exists(boolean exists) throws RestException {
        if (!exists) {
            throw new RestException(404, "Error.NotFound", "Not found.", "Request");
        }
    }

    private static List<ClientConnection> connectionList(RestCall c) throws RestException {
        ClientConnection conn = c.hub().connection(c.var("connectionId"));
        return conn == null ? List.of() : List.of(conn);
    }

    private void send(RestCall c, String group, List<ClientConnection> targets, boolean excludable, boolean filterable)
            throws RestException {
        Hub hub = c.hub();
        Set<String> excluded = excludable ? new LinkedHashSet<>(c.queries("excluded")) : Set.of();
        Predicate<ClientConnection> filter = filterable ? filter(c.query("filter")) : x -> true;
        int ttlSeconds = c.intQuery("messageTtlSeconds", 0, 0, 300);
        Payload.DataType type = Payload.DataType.ofContentType(c.request.getHeaders().get("Content-Type"));
        if (type == null) {
            throw new RestException(415, "Error.UnsupportedMediaType", "Content-Type must be application/json, "
                    + "application/octet-stream or text/plain.", "Content-Type");
        }
        byte[] body = c.body();
        if (type == Payload.DataType.JSON && !Jsons.isJson(body)) {
            throw RestException.badRequest("The body is not valid JSON.", "Request");
        }
        String where = group != null ? "REST send to group " + group
                : c.var("userId") != null ? "REST send to user " + c.var("userId")
                : c.var("connectionId") != null ? "REST send to connection " + c.var("connectionId")
                        : "REST send to all";
        engine.publish(hub.name(), where, targets, new Delivery(group, null, new Payload(type, body), ttlSeconds),
                t -> !excluded.contains(t.id()) && filter.test(t));
        c.status = 202;
    }

    private static Predicate<ClientConnection> filter(String filter) throws RestException {
        try {
            return Filters.parse(filter);
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest(e.getMessage(), "Request");
        }
    }

    private void groups(RestCall c, boolean add) throws RestException {
        Hub hub = c.hub();
        JsonObject body;
        try (var reader = Jsons.PROVIDER.createReader(new StringReader(new String(c.body(), StandardCharsets.UTF_8)))) {
            body = reader.readObject();
        } catch (RuntimeException e) {
            throw RestException.badRequest("The body must be a JSON object with groups and an optional filter.",
                    "Request");
        }
        if (!(body.get("groups") instanceof JsonArray groups) || groups.isEmpty()) {
            throw RestException.badRequest("groups must be a non-empty array of group names.", "groups");
        }
        List<String> names = new ArrayList<>();
        for (JsonValue g : groups) {
            names.add(RestCall.validGroup(g instanceof JsonString s ? s.getString() : null, "groups"));
        }
        JsonValue f = body.get("filter");
        if (f != null && f.getValueType() != JsonValue.ValueType.NULL && !(f instanceof JsonString)) {
            throw RestException.badRequest("filter must be a string.", "filter");
        }
        Predicate<ClientConnection> filter = filter(f instanceof JsonString s ? s.getString() : null);
        for (ClientConnection conn : hub.connections()) {
            if (filter.test(conn)) {
                for (String g : names) {
                    if (add) {
                        engine.join(conn, g);
                    } else {
                        engine.leave(conn, g);
                    }
                }
            }
        }
        c.status = 200;
    }

    private void close(RestCall c, List<ClientConnection> targets) {
        Set<String> excluded = new LinkedHashSet<>(c.queries("excluded"));
        String reason = reason(c);
        engine.endAll(targets.stream().filter(t -> !excluded.contains(t.id())).toList(), reason);
        c.noContent();
    }

    private static String reason(RestCall c) {
        String reason = c.query("reason");
        return reason == null || reason.isEmpty() ? RestApi.DEFAULT_CLOSE_REASON : reason;
    }

    private void closeConnection(RestCall c) throws RestException {
        ClientConnection conn = c.hub().connection(c.var("connectionId"));
        if (conn != null) {
            engine.end(conn, reason(c), Engine.NORMAL);
        }
        c.noContent();
    }

    private void leaveAll(RestCall c, List<ClientConnection> targets) {
        for (ClientConnection conn : targets) {
            for (String g : List.copyOf(conn.groups())) {
                engine.leave(conn, g);
            }
        }
        c.noContent();
    }

    private void addToGroup(RestCall c) throws RestException {
        String group = c.group();
        ClientConnection conn = c.hub().connection(c.var("connectionId"));
        if (conn == null) {
            throw RestException.connectionNotFound(c.var("connectionId"));
        }
        engine.join(conn, group);
        c.status = 200;
    }

    private void removeFromGroup(RestCall c) throws RestException {
        String group = c.group();
        ClientConnection conn = c.hub().connection(c.var("connectionId"));
        if (conn != null) {
            engine.leave(conn, group);
        }
        c.noContent();
    }

    private void addUserToGroup(RestCall c) throws RestException {
        String group = c.group();
        List<ClientConnection> conns = c.hub().user(c.var("userId"));
        if (conns.isEmpty()) {
            throw new RestException(404, "Info.User.NotExisted", "User `" + c.var("userId") + "` is not found.",
                    "User");
        }
        conns.forEach(conn -> engine.join(conn, group));
        c.status = 200;
    }

    private void removeUserFromGroup(RestCall c) throws RestException {
        String group = c.group();
        c.hub().user(c.var("userId")).forEach(conn -> engine.leave(conn, group));
        c.noContent();
    }

    private void permission(RestCall c, String method) throws RestException {
        Hub hub = c.hub();
        Permissions.Kind kind = Permissions.Kind.ofRestName(c.var("permission"));
        if (kind == null) {
            throw RestException.badRequest("Invalid permission '" + c.var("permission")
                    + "': expected sendToGroup or joinLeaveGroup.", "permission");
        }
        String target = c.query("targetName");
        if (target == null || target.isBlank() || target.length() > 1024) {
            throw RestException.badRequest("targetName is required: the group name, 1 to 1024 characters.",
                    "targetName");
        }
        ClientConnection conn = hub.connection(c.var("connectionId"));
        switch (method) {
            case "PUT" -> {
                if (conn == null) {
                    throw RestException.connectionNotFound(c.var("connectionId"));
                }
                if (!conn.permissions().grant(kind, target)) {
                    throw new RestException(409, "Error.Connection.Conflict", "The connection already has "
                            + Permissions.MAX_GRANTS + " granted permissions of this kind.", "Connection");
                }
                engine.trace().log(hub.name(), "granted " + c.var("permission") + " on " + target + " to " + conn.id());
                c.status = 200;
            }
            case "DELETE" -> {
                if (conn != null) {
                    conn.permissions().revoke(kind, target);
                    engine.trace().log(hub.name(), "revoked " + c.var("permission") + " on " + target + " from "
                            + conn.id());
                }
                c.noContent();
            }
            default -> {
                if (conn == null) {
                    throw RestException.connectionNotFound(c.var("connectionId"));
                }
                exists(conn.permissions().allows(kind, target));
            }
        }
    }

    private void listGroup(RestCall c) throws RestException {
        Hub hub = c.hub();
        String group = c.group();
        int pageSize = c.intQuery("maxpagesize", 200, 1, 200);
        int top = c.intQuery("top", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        String after = null;
        String token = c.query("continuationToken");
        if (token != null) {
            try {
                after = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw RestException.badRequest("Invalid continuationToken.", "continuationToken");
            }
        }
        String from = after;
        List<ClientConnection> members = hub.group(group).stream()
                .filter(m -> from == null || m.id().compareTo(from) > 0)
                .sorted(Comparator.comparing(ClientConnection::id)).toList();
        int take = Math.min(pageSize, top);
        JsonArrayBuilder value = Jsons.PROVIDER.createArrayBuilder();
        for (ClientConnection m : members.subList(0, Math.min(take, members.size()))) {
            JsonObjectBuilder o = Jsons.PROVIDER.createObjectBuilder().add("connectionId", m.id());
            if (m.userId() != null) {
                o.add("userId", m.userId());
            }
            value.add(o);
        }
        JsonObjectBuilder result = Jsons.PROVIDER.createObjectBuilder().add("value", value);
        if (members.size() > take && top > take) {
            String last = members.get(take - 1).id();
            String base = c.request.getHttpURI().getScheme() + "://" + c.request.getHttpURI().getAuthority()
                    + c.request.getHttpURI().getPath();
            StringBuilder link = new StringBuilder(base).append("?api-version=")
                    .append(enc(c.query("api-version") == null ? "2024-12-01" : c.query("api-version")))
                    .append("&maxpagesize=").append(pageSize);
            if (top != Integer.MAX_VALUE) {
                link.append("&top=").append(top - take);
            }
            link.append("&continuationToken=").append(Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(last.getBytes(StandardCharsets.UTF_8)));
            result.add("nextLink", link.toString());
        }
        c.json(200, result.build().toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void generateToken(RestCall c) throws RestException {
        Hub hub = c.hub();
        int minutes = c.intQuery("minutesToExpire", 60, 1, Integer.MAX_VALUE);
        String clientType = c.query("clientType");
        if (clientType != null && !clientType.equalsIgnoreCase("Default")) {
            if (clientType.equalsIgnoreCase("MQTT")) {
                throw new RestException(400, "NotSupported", "MQTT clients are not supported by the emulator.",
                        "clientType");
            }
            throw RestException.badRequest("Invalid clientType '" + clientType + "': expected Default or MQTT.",
                    "clientType");
        }
        for (String g : c.queries("group")) {
            RestCall.validGroup(g, "group");
        }
        long now = engine.clock().instant().getEpochSecond();
        String audience = c.request.getHttpURI().getScheme() + "://" + c.request.getHttpURI().getAuthority()
                + "/client/hubs/" + hub.name();
        JsonObjectBuilder claims = Jsons.PROVIDER.createObjectBuilder().add("aud", audience).add("iat", now)
                .add("exp", now + minutes * 60L);
        if (c.query("userId") != null) {
            claims.add("sub", c.query("userId"));
        }
        if (!c.queries("role").isEmpty()) {
            claims.add("role", array(c.queries("role")));
        }
        if (!c.queries("group").isEmpty()) {
            claims.add("webpubsub.group", array(c.queries("group")));
        }
        String token = Jwt.sign(claims.build(), engine.settings().primaryKey());
        c.json(200, Jsons.PROVIDER.createObjectBuilder().add("token", token).build().toString());
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder a = Jsons.PROVIDER.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }
}
