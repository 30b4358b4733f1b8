package io.webpubsub.mp.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token obtained from Microsoft Entra ID, with its expiry.
 *
 * <p>{@link #toString()} never shows the token.
 *
 * @param token the bearer token, sent as {@code Authorization: Bearer <token>}
 * @param expiresAt when the token expires; the library asks for a new one shortly before
 * @since 0.1.0
 */
public record WebPubSubAccessToken(String token, Instant expiresAt) {

    /**
     * Checks the components.
     *
     * @param token the bearer token
     * @param expiresAt the expiry
     * @throws NullPointerException if {@code token} or {@code expiresAt} is null
     */
    public WebPubSubAccessToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "WebPubSubAccessToken[token=***, expiresAt=" + expiresAt + "]";
    }
}
