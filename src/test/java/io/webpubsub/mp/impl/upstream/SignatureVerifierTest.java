package io.webpubsub.mp.impl.upstream;

import static io.webpubsub.mp.impl.upstream.ServiceRequests.KEY;
import static io.webpubsub.mp.impl.upstream.ServiceRequests.SECONDARY_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

    @Test
    void signsAsTheServiceDoes() {
        // HMAC-SHA256(key="key", message="The quick brown fox jumps over the lazy dog"), a published test vector
        assertEquals("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                SignatureVerifier.sign("key", "The quick brown fox jumps over the lazy dog"));
    }

    @Test
    void acceptsAnyConfiguredKeyAndAnyListedEntry() {
        List<String> keys = List.of(KEY, SECONDARY_KEY);
        assertTrue(SignatureVerifier.isValid(SignatureVerifier.sign(KEY, "c"), "c", keys));
        assertTrue(SignatureVerifier.isValid(SignatureVerifier.sign(SECONDARY_KEY, "c"), "c", keys));
        assertTrue(SignatureVerifier.isValid("sha256=00," + SignatureVerifier.sign(SECONDARY_KEY, "c"), "c", keys));
        assertTrue(SignatureVerifier.isValid(SignatureVerifier.sign(KEY, "c").toUpperCase(), "c", keys));
        assertFalse(SignatureVerifier.isValid(SignatureVerifier.sign(SECONDARY_KEY, "c"), "c", List.of(KEY)));
        assertFalse(SignatureVerifier.isValid(SignatureVerifier.sign(KEY, "c"), "c", List.of()));
        assertFalse(SignatureVerifier.isValid(null, "c", keys));
    }

    /** 10,000 generated headers: the verifier agrees with the oracle on every one, and forgeries all fail. */
    @Test
    void agreesWithTheOracleOnGeneratedForgeries() {
        Forgeries forgeries = new Forgeries(20261126L, List.of(KEY, SECONDARY_KEY));
        Map<String, int[]> byKind = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            Forgeries.Case c = forgeries.next();
            boolean expected = forgeries.genuine(c);
            assertEquals(expected, SignatureVerifier.isValid(c.header(), c.connectionId(), List.of(KEY, SECONDARY_KEY)),
                    () -> "case " + c);
            byKind.computeIfAbsent(c.kind(), k -> new int[2])[expected ? 1 : 0]++;
        }
        // the generator really produced both sides: genuine kinds always pass, forgery kinds never do
        for (String genuine : List.of("genuine", "case change", "beside other entries")) {
            assertEquals(0, byKind.get(genuine)[0], genuine);
            assertTrue(byKind.get(genuine)[1] > 500, genuine);
        }
        for (String forged : List.of("wrong key", "stale key", "other connection", "truncated", "extended",
                "one digit changed", "wrong prefix", "empty or blank", "garbage", "forgeries only",
                "too many entries")) {
            assertEquals(0, byKind.get(forged)[1], forged);
            assertTrue(byKind.get(forged)[0] > 500, forged);
        }
    }
}
