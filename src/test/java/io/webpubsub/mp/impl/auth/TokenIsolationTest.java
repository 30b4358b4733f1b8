package io.webpubsub.mp.impl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.webpubsub.mp.WebPubSubClientBuilder;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.cdi.TestConfig;
import io.webpubsub.mp.models.ClientAccessOptions;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.testing.FakeService;
import io.webpubsub.mp.testing.Jwts;

/** The application's {@code smallrye.jwt.*} keys cannot change the tokens the library mints. */
class TokenIsolationTest {

    static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdef";

    /** What an application may set for its own tokens; each would change a token built by smallrye-jwt-build. */
    static final Map<String, String> HOSTILE = Map.of(
            "smallrye.jwt.new-token.audience", "https://evil.example",
            "smallrye.jwt.new-token.issuer", "https://issuer.example",
            "smallrye.jwt.new-token.lifespan", "7",
            "smallrye.jwt.new-token.override-matching-claims", "true",
            "smallrye.jwt.new-token.add-default-claims", "true",
            "smallrye.jwt.new-token.signature-algorithm", "HS512",
            "smallrye.jwt.token.header", "x-evil");

    @Test
    void theHostileKeysAreActiveForSmallryeJwtBuild() {
        String plain = Jwt.claims().audience("https://service.example/api").jws().algorithm(SignatureAlgorithm.HS256)
                .sign(secret());
        String hostile = withConfig(HOSTILE, () -> Jwt.claims().audience("https://service.example/api").jws()
                .algorithm(SignatureAlgorithm.HS256).sign(secret()));
        assertEquals("https://service.example/api", audience(Jwts.verify(plain, KEY).claims()));
        assertEquals("https://evil.example", audience(Jwts.verify(hostile, KEY).claims()),
                "the keys must be seen by smallrye-jwt-build, else this test proves nothing");
    }

    @Test
    void restAndClientTokensAreByteForByteTheSameWhateverTheSmallryeJwtKeys() {
        Instant iat = Instant.ofEpochSecond(1_700_000_000L);
        Supplier<List<String>> mint = () -> List.of(
                JwtMinter.restToken("https://x.example/api/hubs/h/:send?api-version=2024-12-01", iat,
                        iat.plusSeconds(3600), KEY),
                JwtMinter.clientToken("https://x.example/client/hubs/h", "alice", List.of("webpubsub.sendToGroup"),
                        List.of("room"), iat, iat.plusSeconds(300), KEY));
        List<String> plain = withConfig(Map.of(), mint);
        assertEquals(plain, withConfig(HOSTILE, mint));
        assertEquals(Map.of("aud", "https://x.example/api/hubs/h/:send?api-version=2024-12-01",
                "iat", "1700000000", "exp", "1700003600"), flat(Jwts.verify(plain.get(0), KEY).claims()));
        assertEquals(Map.of("aud", "https://x.example/client/hubs/h", "iat", "1700000000", "exp", "1700000300",
                "sub", "alice", "role", "[\"webpubsub.sendToGroup\"]", "webpubsub.group", "[\"room\"]"),
                flat(Jwts.verify(plain.get(1), KEY).claims()));
        assertEquals(Map.of("alg", "HS256", "typ", "JWT"), flat(Jwts.verify(plain.get(0), KEY).header()));
    }

    @Test
    void theTokensOnTheWireCarryExactlyTheOfficialClaimsUnderHostileKeys() throws Exception {
        try (FakeService service = new FakeService()) {
            List<JsonObject> claims = withConfig(HOSTILE, () -> {
                WebPubSubHubClient client = new WebPubSubClientBuilder()
                        .connectionString("Endpoint=" + service.endpoint() + ";AccessKey=" + KEY).hub("chat")
                        .buildClient();
                client.sendToAll(Message.text("hi"));
                String access = client.getClientAccess(new ClientAccessOptions().setUserId("bob")).token();
                client.close();
                return List.of(Jwts.bearer(service.only().header("Authorization"), KEY).claims(),
                        Jwts.verify(access, KEY).claims());
            });
            assertEquals(service.endpoint() + "/api/hubs/chat/:send?api-version=2024-12-01",
                    audience(claims.get(0)));
            assertEquals(Set.of("aud", "iat", "exp"), claims.get(0).keySet());
            assertEquals(Set.of("aud", "iat", "exp", "sub"), claims.get(1).keySet());
            assertEquals(service.endpoint() + "/client/hubs/chat", audience(claims.get(1)));
            assertNotEquals(7, claims.get(0).getJsonNumber("exp").longValue()
                    - claims.get(0).getJsonNumber("iat").longValue());
        }
    }

    private static String audience(JsonObject claims) {
        JsonValue aud = claims.get("aud");
        return aud.getValueType() == JsonValue.ValueType.STRING ? claims.getString("aud")
                : aud.asJsonArray().getString(0);
    }

    private static Map<String, String> flat(JsonObject object) {
        Map<String, String> flat = new TreeMap<>();
        object.forEach((k, v) -> flat.put(k, v.getValueType() == JsonValue.ValueType.STRING
                ? ((jakarta.json.JsonString) v).getString() : v.toString()));
        return flat;
    }

    private static SecretKeySpec secret() {
        return new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    private static <T> T withConfig(Map<String, String> properties, Supplier<T> action) {
        try (TestConfig config = TestConfig.of(properties)) {
            return action.get();
        }
    }
}
