package io.webpubsub.it.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The deployed app's HTTP API (its {@code HubResource} and {@code EventLog}), as the scenarios call it. */
public final class AppClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;

    AppClient(URI base) {
        this.base = base;
    }

    /** A response: status and body. */
    public record Answer(int status, String body) {
        /** The body, after checking the status is 2xx. */
        public String ok() {
            if (status / 100 != 2) {
                throw new AssertionError("the app answered " + status + ": " + body);
            }
            return body;
        }
    }

    /** A request to the app: method, path under the base, query parameters in pairs, body and its type. */
    public Answer call(String method, String path, String contentType, byte[] body, String... query) {
        StringBuilder uri = new StringBuilder(base.resolve(path).toString());
        for (int i = 0; i < query.length; i += 2) {
            if (query[i + 1] != null) {
                uri.append(uri.indexOf("?") < 0 ? '?' : '&').append(enc(query[i])).append('=')
                        .append(enc(query[i + 1]));
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString()))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String seg(String s) {
        return enc(s);
    }

    /** Sends text through the hub client; {@code to} is null (all), group:g, user:u or connection:c. */
    public Answer sendText(String hub, String to, String text, String... options) {
        return send(hub, to, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8), options);
    }

    /** Sends JSON text ({@code Message.rawJson}). */
    public Answer sendJson(String hub, String to, String json, String... options) {
        return send(hub, to, "application/json", json.getBytes(StandardCharsets.UTF_8), options);
    }

    /** Sends a Notice object ({@code Message.json}, serialised with JSON-B by the library). */
    public Answer sendNotice(String hub, String to, String title, int level) {
        String json = "{\"title\":\"" + title + "\",\"level\":" + level + "}";
        return send(hub, to, "application/json", json.getBytes(StandardCharsets.UTF_8), "object", "true");
    }

    /** Sends bytes ({@code Message.binary}). */
    public Answer sendBinary(String hub, String to, byte[] bytes, String... options) {
        return send(hub, to, "application/octet-stream", bytes, options);
    }

    private Answer send(String hub, String to, String type, byte[] body, String... options) {
        List<String> query = new ArrayList<>(List.of("to", to == null ? "" : to));
        if (to == null) {
            query.set(1, null);
        }
        query.addAll(List.of(options));
        return call("POST", "hubs/" + seg(hub) + "/send", type, body, query.toArray(String[]::new));
    }

    /** A client access URL minted by the app. */
    public String clientAccessUrl(String hub, String userId, List<String> roles, List<String> groups) {
        List<String> query = new ArrayList<>(List.of("userId", userId == null ? "" : userId));
        if (userId == null) {
            query.set(1, null);
        }
        roles.forEach(r -> query.addAll(List.of("role", r)));
        groups.forEach(g -> query.addAll(List.of("group", g)));
        return call("GET", "hubs/" + seg(hub) + "/client-access", null, null, query.toArray(String[]::new)).ok();
    }

    /** PUT or DELETE of a membership: {@code kind} is connections or users. */
    public Answer membership(String method, String hub, String group, String kind, String name) {
        return call(method, "hubs/" + seg(hub) + "/groups/" + seg(group) + "/" + kind + "/" + seg(name), null, null);
    }

    /** Removes a connection or user ({@code kind}) from all groups. */
    public Answer leaveAll(String hub, String kind, String name) {
        return call("DELETE", "hubs/" + seg(hub) + "/" + kind + "/" + seg(name) + "/groups", null, null);
    }

    /** Closes connections: {@code of} is null (all), connection:c, group:g or user:u. */
    public Answer close(String hub, String of, String reason, String... excluded) {
        List<String> query = new ArrayList<>(List.of("of", of == null ? "" : of, "reason", reason));
        if (of == null) {
            query.set(1, null);
        }
        for (String e : excluded) {
            query.addAll(List.of("excluded", e));
        }
        return call("DELETE", "hubs/" + seg(hub) + "/connections", null, null, query.toArray(String[]::new));
    }

    /** Whether a connection, group or user ({@code kind}) exists. */
    public boolean exists(String hub, String kind, String name) {
        return Boolean.parseBoolean(call("GET", "hubs/" + seg(hub) + "/exists/" + kind + "/" + seg(name), null, null)
                .ok());
    }

    /** Grants (PUT), revokes (DELETE) or checks (GET) a permission of a connection. */
    public Answer permission(String method, String hub, String permission, String connection, String targetName) {
        return call(method, "hubs/" + seg(hub) + "/permissions/" + permission + "/connections/" + seg(connection),
                null, null, "targetName", targetName);
    }

    /** The lines the app's upstream beans logged. */
    public List<String> events() {
        String body = call("GET", "events", null, null).ok();
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }
}
