package io.webpubsub.emulator.impl.rest;

import io.webpubsub.emulator.Fault;
import io.webpubsub.emulator.HubSnapshot;
import io.webpubsub.emulator.impl.Engine;
import io.webpubsub.emulator.impl.HttpReplies;
import io.webpubsub.emulator.impl.Jsons;
import io.webpubsub.emulator.impl.Names;
import io.webpubsub.emulator.impl.auth.TokenValidator;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * The test-control endpoint under {@code /admin}, authorised like the REST API (a token signed with an access key
 * whose {@code aud} is the request URL): {@code POST /admin/faults} injects a fault, {@code DELETE /admin/faults}
 * clears them, {@code GET /admin/hubs/{hub}} inspects a hub and {@code POST /admin/hubs/{hub}/connections/{id}/:drop}
 * drops a WebSocket.
 */
public final class AdminApi {
    private static final int MAX_BODY = 64 * 1024;
    private static final String JSON = "application/json; charset=utf-8";

    private final Engine engine;
    private volatile Consumer<Fault> inject = f -> {
        throw new IllegalStateException("Faults cannot be injected into this emulator");
    };

    /** Creates the endpoint over an engine. */
    public AdminApi(Engine engine) {
        this.engine = engine;
    }

    /** Sets what injects a parsed fault (the embedding API's own method, which validates it). */
    public void inject(Consumer<Fault> inject) {
        this.inject = inject;
    }

    /** Handles a request under {@code /admin}; {@code segments} are the decoded path segments after it. */
    public void handle(Request request, Response response, Callback callback, List<String> segments) {
        try {
            // the access key only: Entra-style tokens, accepted unverified on /api when enabled, never reach /admin
            if (engine.validator().isEntra(engine.validator().validateRest(
                    request.getHeaders().get(HttpHeader.AUTHORIZATION), request.getHttpURI().asString()))) {
                throw new TokenValidator.AuthException("Entra tokens are not accepted here");
            }
        } catch (TokenValidator.AuthException e) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            HttpReplies.write(response, callback, 401, null, null);
            return;
        }
        String method = request.getMethod();
        String path = String.join("/", segments);
        if (path.equals("faults") && method.equals("POST")) {
            Content.Source.asByteArrayAsync(request, MAX_BODY).whenComplete((body, failure) -> {
                if (failure != null) {
                    error(response, callback, 400, "The body could not be read or exceeds 64 KiB.");
                } else {
                    injectFault(body, response, callback);
                }
            });
        } else if (path.equals("faults") && method.equals("DELETE")) {
            engine.faults().clear();
            HttpReplies.write(response, callback, 204, null, null);
        } else if (segments.size() == 2 && segments.get(0).equals("hubs") && method.equals("GET")) {
            withHub(segments.get(1), response, callback, hub -> HttpReplies.write(response, callback, 200, JSON,
                    json(engine.hub(hub).snapshot()).getBytes(StandardCharsets.UTF_8)));
        } else if (segments.size() == 5 && segments.get(0).equals("hubs") && segments.get(2).equals("connections")
                && segments.get(4).equals(":drop") && method.equals("POST")) {
            String id = segments.get(3);
            withHub(segments.get(1), response, callback, hub -> HttpReplies.write(response, callback,
                    engine.drop(hub, c -> c.id().equals(id)) > 0 ? 204 : 404, null, null));
        } else {
            error(response, callback, 404, "Not an admin operation: " + method + " /admin/" + path);
        }
    }

    private void withHub(String hub, Response response, Callback callback, Consumer<String> action) {
        String error = Names.hubError(hub);
        if (error != null) {
            error(response, callback, 400, error);
        } else {
            action.accept(hub);
        }
    }

    private void injectFault(byte[] body, Response response, Callback callback) {
        try (var reader = Jsons.PROVIDER.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            inject.accept(fault(reader.readObject()));
            HttpReplies.write(response, callback, 204, null, null);
        } catch (IllegalArgumentException e) {
            error(response, callback, 400, e.getMessage());
        } catch (RuntimeException e) {
            error(response, callback, 400, "The body must be a JSON object describing a fault.");
        }
    }

    /** A fault from {@code {"rest"|"upstream": [names], "hub", "status", "retryAfterSeconds", "delayMillis", ...}}. */
    static Fault fault(JsonObject o) {
        boolean rest = o.containsKey("rest");
        if (rest == o.containsKey("upstream")) {
            throw new IllegalArgumentException("A fault needs exactly one of \"rest\" and \"upstream\".");
        }
        JsonArray names = o.getJsonArray(rest ? "rest" : "upstream");
        String[] list = names.stream().map(v -> v instanceof JsonString s ? s.getString() : null)
                .toArray(String[]::new);
        Fault f = rest ? Fault.rest(list) : Fault.upstream(list);
        if (o.get("hub") instanceof JsonString hub) {
            f = f.hub(hub.getString());
        }
        if (o.get("status") instanceof JsonNumber n) {
            f = f.status(n.intValueExact());
        }
        if (o.get("retryAfterSeconds") instanceof JsonNumber n) {
            f = f.retryAfter(Duration.ofSeconds(n.longValueExact()));
        }
        if (o.get("delayMillis") instanceof JsonNumber n) {
            f = f.delay(Duration.ofMillis(n.longValueExact()));
        }
        if (o.getBoolean("reset", false)) {
            f = f.reset();
        }
        if (o.get("times") instanceof JsonNumber n) {
            f = f.times(n.intValueExact());
        }
        return f;
    }

    private static String json(HubSnapshot s) {
        JsonArrayBuilder connections = Jsons.PROVIDER.createArrayBuilder();
        for (HubSnapshot.Connection c : s.connections()) {
            JsonObjectBuilder o = Jsons.PROVIDER.createObjectBuilder().add("connectionId", c.id())
                    .add("userId", nullable(c.userId()))
                    .add("subprotocol", nullable(c.subprotocol()))
                    .add("groups", Jsons.PROVIDER.createArrayBuilder(c.groups().stream().sorted().toList()))
                    .add("attached", c.attached());
            connections.add(o);
        }
        JsonArrayBuilder deliveries = Jsons.PROVIDER.createArrayBuilder();
        for (HubSnapshot.Delivery d : s.deliveries()) {
            deliveries.add(Jsons.PROVIDER.createObjectBuilder().add("time", d.time().toString())
                    .add("description", d.description())
                    .add("group", nullable(d.group()))
                    .add("dataType", d.dataType()).add("size", d.size())
                    .add("data", d.dataType().equals("binary") ? Base64.getEncoder().encodeToString(d.data())
                            : d.text())
                    .add("connectionIds", Jsons.PROVIDER.createArrayBuilder(d.connectionIds())));
        }
        return Jsons.PROVIDER.createObjectBuilder().add("hub", s.hub()).add("connections", connections)
                .add("deliveries", deliveries).build().toString();
    }

    private static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : Jsons.PROVIDER.createValue(value);
    }

    private static void error(Response response, Callback callback, int status, String message) {
        HttpReplies.write(response, callback, status, JSON, Jsons.PROVIDER
                .createObjectBuilder().add("message", message).build().toString().getBytes(StandardCharsets.UTF_8));
    }
}
