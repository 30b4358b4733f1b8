package io.webpubsub.mp.impl.upstream;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code ce-signature}: {@code sha256=<hex>} entries, comma-separated, each
 * {@code hex(HMAC-SHA256(key = UTF-8(accessKey), message = UTF-8(connectionId)))}. The request is genuine when
 * any entry matches any configured key; hex and the prefix compare case-insensitively.
 */
final class SignatureVerifier {

    /** Bounds the work an unauthenticated request can cause. */
    static final int MAX_HEADER_LENGTH = 4096;
    static final int MAX_ENTRIES = 16;
    private static final String PREFIX = "sha256=";

    private SignatureVerifier() {
    }

    static boolean isValid(String header, String connectionId, List<String> accessKeys) {
        if (header == null || header.isEmpty() || header.length() > MAX_HEADER_LENGTH || accessKeys.isEmpty()) {
            return false;
        }
        String[] entries = header.split(",", -1);
        if (entries.length > MAX_ENTRIES) {
            return false;
        }
        byte[][] expected = accessKeys.stream().map(key -> expected(key, connectionId)).toArray(byte[][]::new);
        boolean match = false;
        for (String entry : entries) {
            byte[] candidate = entry.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
            for (byte[] e : expected) {
                // every pair is compared, in constant time per pair, so timing tells nothing about the keys
                match |= MessageDigest.isEqual(e, candidate);
            }
        }
        return match;
    }

    /** The signature the service computes for one key, as {@code sha256=<lower-case hex>}. */
    static String sign(String accessKey, String connectionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(accessKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(connectionId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static byte[] expected(String accessKey, String connectionId) {
        return sign(accessKey, connectionId).getBytes(StandardCharsets.UTF_8);
    }
}
