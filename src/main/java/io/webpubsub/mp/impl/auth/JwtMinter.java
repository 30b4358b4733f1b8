package io.webpubsub.mp.impl.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs the HS256 tokens of the service with jose4j: the key is the UTF-8 bytes of the access key (never
 * base64-decoded). The claims are exactly those the official SDKs send, built here from the arguments only: no
 * configuration (in particular no {@code smallrye.jwt.*} key of the application) can add, drop or change one.
 */
public final class JwtMinter {

    private static final AtomicBoolean WARMED = new AtomicBoolean();

    private JwtMinter() {
    }

    /**
     * Once per JVM, signs a throw-away token on a daemon thread, so that jose4j loads and initialises while the REST
     * client is being built rather than on the first call. Uses a dummy key, never an access key.
     */
    public static void warmUpInBackground() {
        if (!WARMED.compareAndSet(false, true)) {
            return;
        }
        Thread warmUp = new Thread(() -> {
            try {
                Instant now = Instant.now();
                restToken("https://warm-up.invalid/api", now, now.plusSeconds(60),
                        "warm-up-key-0123456789abcdefghijklmn");
            } catch (RuntimeException | LinkageError e) {
                System.getLogger("io.webpubsub.mp").log(System.Logger.Level.DEBUG, "Token warm-up failed", e);
            }
        }, "webpubsub-token-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * A REST call token with the claims {@code aud} (the request URL), {@code iat} and {@code exp}, nothing else.
     *
     * @param audience the full request URL including the query string
     * @param issuedAt now
     * @param expiresAt the expiry
     * @param key the access key
     * @return the compact JWT
     */
    public static String restToken(String audience, Instant issuedAt, Instant expiresAt, String key) {
        return sign(claims(audience, issuedAt, expiresAt), key);
    }

    /**
     * A client access token with the claims {@code aud}, {@code iat}, {@code exp} and, when given, {@code sub},
     * {@code role[]} and {@code webpubsub.group[]}, nothing else.
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
        JwtClaims claims = claims(audience, issuedAt, expiresAt);
        if (userId != null) {
            claims.setSubject(userId);
        }
        if (!roles.isEmpty()) {
            claims.setStringListClaim("role", roles);
        }
        if (!groups.isEmpty()) {
            claims.setStringListClaim("webpubsub.group", groups);
        }
        return sign(claims, key);
    }

    private static JwtClaims claims(String audience, Instant issuedAt, Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setAudience(audience);
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        return claims;
    }

    private static String sign(JwtClaims claims, String key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setPayload(claims.toJson());
        jws.setKey(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        // access keys are checked elsewhere; jose4j's own minimum must not turn a weak key into a signing error
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Signing the access token failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
