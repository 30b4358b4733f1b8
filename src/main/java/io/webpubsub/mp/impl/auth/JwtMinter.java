package io.webpubsub.mp.impl.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.spec.SecretKeySpec;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Signs the HS256 tokens of the service with smallrye-jwt-build: the key is the UTF-8 bytes of the access key
 * (never base64-decoded).
 */
public final class JwtMinter {

    private static final AtomicBoolean WARMED = new AtomicBoolean();

    private JwtMinter() {
    }

    /**
     * Once per JVM, signs a throw-away token on a daemon thread, so that smallrye-jwt-build and jose4j load and
     * initialise (about 0.15 s) while the REST client is being built rather than on the first call. Uses a dummy
     * key, never an access key.
     */
    public static void warmUpInBackground() {
        if (!WARMED.compareAndSet(false, true)) {
            return;
        }
        Thread warmUp = new Thread(() -> {
            try {
                Instant now = Instant.now();
                restToken("https://warm-up.invalid/api", now, now.plusSeconds(60), "warm-up-key-0123456789abcdefghijklmn");
            } catch (RuntimeException | LinkageError e) {
                System.getLogger("io.webpubsub.mp").log(System.Logger.Level.DEBUG, "Token warm-up failed", e);
            }
        }, "webpubsub-token-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * A REST call token: {@code aud} = the request URL, {@code exp}.
     *
     * @param audience the full request URL including the query string
     * @param issuedAt now
     * @param expiresAt the expiry
     * @param key the access key
     * @return the compact JWT
     */
    public static String restToken(String audience, Instant issuedAt, Instant expiresAt, String key) {
        return sign(Jwt.claims().audience(audience).issuedAt(issuedAt).expiresAt(expiresAt), key);
    }

    /**
     * A client access token (spec 4.2): {@code aud}, optional {@code sub}, {@code role[]},
     * {@code webpubsub.group[]}, {@code iat}, {@code exp}.
     *
     * @param audience the http(s) URL of the client endpoint, without query
     * @param userId the user, or null
     * @param roles the roles
     * @param groups the initial groups
     * @param issuedAt now
     * @param expiresAt the expiry
     * @param key the access key
     * @return the compact JWT
     */
    public static String clientToken(String audience, String userId, List<String> roles, List<String> groups,
            Instant issuedAt, Instant expiresAt, String key) {
        JwtClaimsBuilder claims = Jwt.claims().audience(audience).issuedAt(issuedAt).expiresAt(expiresAt);
        if (userId != null) {
            claims.subject(userId);
        }
        if (!roles.isEmpty()) {
            claims.claim("role", roles);
        }
        if (!groups.isEmpty()) {
            claims.claim("webpubsub.group", groups);
        }
        return sign(claims, key);
    }

    private static String sign(JwtClaimsBuilder claims, String key) {
        return claims.jws().algorithm(SignatureAlgorithm.HS256).header("typ", "JWT")
                .sign(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }
}
