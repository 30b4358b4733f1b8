package io.webpubsub.mp.impl.auth;

import java.time.Clock;
import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import io.webpubsub.mp.spi.WebPubSubAccessToken;
import io.webpubsub.mp.spi.WebPubSubTokenCredential;

/**
 * Sends a Microsoft Entra ID bearer token, cached and fetched again 5 minutes before it expires (or at half its
 * lifetime for shorter tokens).
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenFilter implements ClientRequestFilter {

    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private final WebPubSubTokenCredential credential;
    private final Clock clock;
    private WebPubSubAccessToken current;
    private java.time.Instant refreshAt;

    /**
     * @param credential the token source
     * @param clock the clock
     */
    public BearerTokenFilter(WebPubSubTokenCredential credential, Clock clock) {
        this.credential = credential;
        this.clock = clock;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (!Anonymous.isAnonymous(request)) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token());
        }
    }

    /**
     * The current token, fetched from the credential when missing or about to expire.
     *
     * @return the bearer token
     */
    public synchronized String token() {
        java.time.Instant now = clock.instant();
        if (current == null || !now.isBefore(refreshAt)) {
            WebPubSubAccessToken fresh = credential.getToken(WebPubSubTokenCredential.SCOPE);
            if (fresh == null) {
                throw new IllegalStateException("The WebPubSubTokenCredential " + credential.getClass().getName()
                        + " returned no token");
            }
            Duration left = Duration.between(now, fresh.expiresAt());
            Duration margin = left.compareTo(REFRESH_MARGIN.multipliedBy(2)) < 0 ? left.dividedBy(2) : REFRESH_MARGIN;
            current = fresh;
            refreshAt = fresh.expiresAt().minus(margin);
        }
        return current.token();
    }
}
