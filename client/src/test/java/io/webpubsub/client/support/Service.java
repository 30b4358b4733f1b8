package io.webpubsub.client.support;

import io.webpubsub.emulator.WebPubSubEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The app-server side of the tests: mints client access URLs (what the library's getClientAccess does, signed with
 * the emulator's key) and calls the emulator's REST API.
 */
public final class Service {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final WebPubSubEmulator emulator;
    private final String hub;

    public Service(WebPubSubEmulator emulator, String hub) {
        this.emulator = emulator;
        this.hub = hub;
    }

    /** A client access URL at {@code endpoint} (the emulator's, or a proxy's) for a user with roles. */
    public String clientUrlVia(String endpoint, String userId, String... roles) {
        String audience = endpoint + "/client/hubs/" + hub;
        StringBuilder claims = new StringBuilder("{\"aud\":\"" + audience + "\",\"exp\":"
                + Instant.now().plusSeconds(3600).getEpochSecond());
        if (userId != null) {
            claims.append(",\"sub\":\"").append(userId).append('"');
        }
        claims.append(",\"role\":[").append(String.join(",", List.of(roles).stream().map(r -> '"' + r + '"')
                .toList())).append("]}");
        return endpoint.replaceFirst("^http", "ws") + "/client/hubs/" + hub + "?access_token=" + jwt(claims.toString());
    }

    /** A client access URL at the emulator itself. */
    public String clientUrl(String userId, String... roles) {
        return clientUrlVia(emulator.endpoint(), userId, roles);
    }

    /** A credential that hands out this URL each time and counts the calls. */
    public static Supplier<CompletionStage<String>> credential(java.util.concurrent.atomic.AtomicInteger calls,
            Supplier<String> url) {
        return () -> {
            calls.incrementAndGet();
            return CompletableFuture.supplyAsync(url);
        };
    }

    /** {@code POST /api/hubs/{hub}/{path}} with a text body; the status code. */
    public int post(String path, String contentType, String body) {
        return call("POST", path, contentType, body);
    }

    /** The status of {@code HEAD /api/hubs/{hub}/connections/{id}}: 200 while it exists, 404 after. */
    public int connectionStatus(String connectionId) {
        return call("HEAD", "connections/" + connectionId, null, null);
    }

    private int call(String method, String path, String contentType, String body) {
        String url = emulator.endpoint() + "/api/hubs/" + hub + "/" + path + "?api-version=2024-12-01";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + jwt("{\"aud\":\"" + url + "\",\"exp\":"
                        + Instant.now().plusSeconds(600).getEpochSecond() + "}"))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    private static String jwt(String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String unsigned = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WebPubSubEmulator.DEFAULT_ACCESS_KEY.getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return unsigned + "." + b64.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
