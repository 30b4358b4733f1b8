package io.webpubsub.mp.testing;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Verifies HS256 JWTs independently of the library: HMAC-SHA256 with javax.crypto, JSON with JSON-P. */
public final class Jwts {

    private Jwts() {
    }

    /** A verified token. */
    public record Verified(JsonObject header, JsonObject claims) {
    }

    public static Verified verify(String token, String key) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("not a compact JWS: " + parts.length + " parts");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            byte[] actual = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(expected, actual)) {
                throw new AssertionError("signature does not verify with the key");
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        return new Verified(json(parts[0]), json(parts[1]));
    }

    public static Verified bearer(String authorization, String key) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new AssertionError("no bearer token: " + authorization);
        }
        return verify(authorization.substring("Bearer ".length()), key);
    }

    private static JsonObject json(String part) {
        String text = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(text)).readObject();
    }
}
