package io.webpubsub.emulator.support;

import io.webpubsub.emulator.WebPubSubEmulator;
import io.webpubsub.emulator.impl.auth.Jwt;
import io.webpubsub.emulator.impl.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

/** REST calls and tokens for tests, signed like the official SDKs do. */
public final class Rest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final WebPubSubEmulator emulator;
    private final String key;

    public Rest(WebPubSubEmulator emulator) {
        this(emulator, WebPubSubEmulator.DEFAULT_ACCESS_KEY);
    }

    public Rest(WebPubSubEmulator emulator, String key) {
        this.emulator = emulator;
        this.key = key;
    }

    /** An access-key token whose aud is {@code url}. */
    public String token(String url) {
        long now = Instant.now().getEpochSecond();
        return Jwt.sign(Jsons.PROVIDER.createObjectBuilder().add("aud", url).add("iat", now).add("exp", now + 3600)
                .build(), key);
    }

    /** Sends an authenticated request; {@code pathAndQuery} starts with /api. */
    public HttpResponse<String> call(String method, String pathAndQuery, String contentType, String body) {
        String url = emulator.endpoint() + pathAndQuery;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    public HttpResponse<String> call(String method, String pathAndQuery) {
        return call(method, pathAndQuery, null, null);
    }

    /**
     * Repeats a body-less call every 20 ms until it answers {@code expected}, for at most 5 s: for state the
     * emulator changes after answering the client (a closed connection leaves its user and groups shortly after).
     *
     * @return the last status
     */
    public int awaitStatus(int expected, String method, String pathAndQuery) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        int status = call(method, pathAndQuery).statusCode();
        while (status != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
            status = call(method, pathAndQuery).statusCode();
        }
        return status;
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(String s) {
        try (var r = Jsons.PROVIDER.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }

    /** A client access URL with a locally signed token. */
    public String clientUrl(String hub, String userId, List<String> roles, List<String> groups) {
        return clientUrl(hub, clientToken(hub, userId, roles, groups));
    }

    public String clientUrl(String hub, String token) {
        return emulator.endpoint().replace("http://", "ws://") + "/client/hubs/" + hub + "?access_token=" + token;
    }

    public String clientToken(String hub, String userId, List<String> roles, List<String> groups) {
        long now = Instant.now().getEpochSecond();
        JsonObjectBuilder claims = Jsons.PROVIDER.createObjectBuilder()
                .add("aud", emulator.endpoint() + "/client/hubs/" + hub)
                .add("iat", now).add("exp", now + 3600);
        if (userId != null) {
            claims.add("sub", userId);
        }
        if (!roles.isEmpty()) {
            JsonArrayBuilder a = Jsons.PROVIDER.createArrayBuilder();
            roles.forEach(a::add);
            claims.add("role", a);
        }
        if (!groups.isEmpty()) {
            JsonArrayBuilder a = Jsons.PROVIDER.createArrayBuilder();
            groups.forEach(a::add);
            claims.add("webpubsub.group", a);
        }
        return Jwt.sign(claims.build(), key);
    }
}
