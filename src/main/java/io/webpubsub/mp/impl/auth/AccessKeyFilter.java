package io.webpubsub.mp.impl.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.webpubsub.mp.WebPubSubKeyCredential;

/**
 * Signs each REST request with an access-key JWT whose {@code aud} is the full request URL (query included), as
 * computed before any reverse-proxy rewrite. Tokens are reused per audience from a bounded cache.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AccessKeyFilter implements ClientRequestFilter {

    private static final String BEARER = "Bearer ";

    private final WebPubSubKeyCredential credential;
    private final Duration lifetime;
    private final TokenCache cache;
    private final Clock clock;

    /**
     * @param credential the key
     * @param lifetime the token lifetime
     * @param cacheSize the most cached tokens (0 disables the cache)
     * @param clock the clock
     */
    public AccessKeyFilter(WebPubSubKeyCredential credential, Duration lifetime, int cacheSize, Clock clock) {
        this.credential = credential;
        this.lifetime = lifetime;
        this.cache = new TokenCache(cacheSize);
        this.clock = clock;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (Anonymous.isAnonymous(request)) {
            return;
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization(request.getUri().toString()));
    }

    /**
     * The token for an audience, from the cache or freshly signed.
     *
     * @param audience the request URL
     * @return the JWT
     */
    String token(String audience) {
        return authorization(audience).substring(BEARER.length());
    }

    /** The Authorization header value; the cache holds it whole, so a cached token costs no string building. */
    private String authorization(String audience) {
        String key = credential.getKey();
        Instant now = clock.instant();
        String header = cache.get(audience, key, now);
        if (header == null) {
            header = BEARER + JwtMinter.restToken(audience, now, now.plus(lifetime), key);
            cache.put(audience, key, header, now.plus(lifetime.dividedBy(2)));
        }
        return header;
    }

    int cachedTokens() {
        return cache.size();
    }
}
