package io.webpubsub.bench.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 tokens minted by hand for the load generators and the bare-HttpClient floor (never for the clients under
 * test, which mint their own). REST tokens carry {@code aud} = the full request URL; client tokens carry
 * {@code aud} = {@code <endpoint>/client/hubs/<hub>} and optional initial groups.
 */
public final class Tokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    /** A REST token for exactly this URL (query included), valid one hour. */
    public static String rest(String accessKey, String url) {
        return sign(accessKey, "{\"aud\":\"" + url + "\",\"exp\":" + exp() + "}");
    }

    /** A client (WebSocket) token for the hub, joining {@code groups} on connect, valid one hour. */
    public static String client(String accessKey, String endpoint, String hub, String user, List<String> groups) {
        StringBuilder claims = new StringBuilder("{\"aud\":\"").append(trimSlash(endpoint)).append("/client/hubs/")
                .append(hub).append("\",\"exp\":").append(exp()).append(",\"sub\":\"").append(user).append('"');
        if (!groups.isEmpty()) {
            claims.append(",\"webpubsub.group\":[");
            for (int i = 0; i < groups.size(); i++) {
                claims.append(i == 0 ? "\"" : ",\"").append(groups.get(i)).append('"');
            }
            claims.append(']');
        }
        return sign(accessKey, claims.append('}').toString());
    }

    public static String trimSlash(String endpoint) {
        return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }

    private static long exp() {
        return System.currentTimeMillis() / 1000 + 3600;
    }

    private static String sign(String key, String claims) {
        String input = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
