package io.webpubsub.emulator.impl.auth;

import io.webpubsub.emulator.impl.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/** HS256 JSON Web Tokens: signing, parsing and signature checks. Never logs or exposes token text. */
public final class Jwt {
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();
    private static final String HEADER = ENC.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final JsonObject header;
    private final JsonObject claims;
    private final String signingInput;
    private final byte[] signature;

    private Jwt(JsonObject header, JsonObject claims, String signingInput, byte[] signature) {
        this.header = header;
        this.claims = claims;
        this.signingInput = signingInput;
        this.signature = signature;
    }

    /** Signs the claims with HS256 over the UTF-8 bytes of {@code key}. */
    public static String sign(JsonObject claims, String key) {
        String input = HEADER + "." + ENC.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return input + "." + ENC.encodeToString(hmac(key, input));
    }

    /** Parses a compact JWT; throws {@link IllegalArgumentException} (without the token text) when malformed. */
    public static Jwt parse(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Malformed token");
        }
        try {
            JsonObject header = readObject(parts[0]);
            JsonObject claims = readObject(parts[1]);
            return new Jwt(header, claims, parts[0] + "." + parts[1], DEC.decode(parts[2]));
        } catch (IllegalArgumentException | JsonParsingException | ClassCastException e) {
            throw new IllegalArgumentException("Malformed token");
        }
    }

    private static JsonObject readObject(String part) {
        try (var reader = Jsons.PROVIDER.createReader(new StringReader(new String(DEC.decode(part),
                StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    /** True when the header says HS256 and the signature matches one of the keys. */
    public boolean verifiedBy(List<String> keys) {
        if (!"HS256".equals(header.getString("alg", null))) {
            return false;
        }
        for (String key : keys) {
            if (key != null && MessageDigest.isEqual(hmac(key, signingInput), signature)) {
                return true;
            }
        }
        return false;
    }

    /** The claims object. */
    public JsonObject claims() {
        return claims;
    }

    /** A numeric date claim in epoch seconds, or {@code null} when absent or not a number. */
    public Long numericClaim(String name) {
        JsonValue v = claims.get(name);
        return v instanceof jakarta.json.JsonNumber n ? n.longValue() : null;
    }

    /** A claim as a list of strings: a single string or an array of strings; empty when absent. */
    public List<String> stringsClaim(String name) {
        JsonValue v = claims.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (v.getValueType() == JsonValue.ValueType.ARRAY) {
            return v.asJsonArray().stream().map(Jwt::text).toList();
        }
        return List.of(text(v));
    }

    /** Text of a JSON value: strings unquoted, anything else in its JSON form. */
    public static String text(JsonValue v) {
        return v instanceof jakarta.json.JsonString s ? s.getString() : v.toString();
    }

    /** HMAC-SHA256 of {@code message} with the UTF-8 bytes of {@code key}. */
    public static byte[] hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "Jwt[claims hidden]";
    }
}
