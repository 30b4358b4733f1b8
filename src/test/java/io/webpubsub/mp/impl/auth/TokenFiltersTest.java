package io.webpubsub.mp.impl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.webpubsub.mp.WebPubSubKeyCredential;
import io.webpubsub.mp.spi.WebPubSubAccessToken;

class TokenFiltersTest {

    static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void accessKeyTokensAreReusedForHalfTheirLifetimeAndTheCacheIsBounded() {
        MovableClock clock = new MovableClock();
        AccessKeyFilter filter = new AccessKeyFilter(new WebPubSubKeyCredential(KEY), Duration.ofMinutes(60), 2,
                clock);
        String first = filter.token("https://x/a");
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertEquals(first, filter.token("https://x/a"));
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        String second = filter.token("https://x/a");
        assertNotEquals(first, second, "renewed after half the lifetime");
        filter.token("https://x/b");
        filter.token("https://x/c");
        assertEquals(2, filter.cachedTokens(), "least recently used evicted");
    }

    @Test
    void cacheSizeZeroSignsEveryRequest() {
        MovableClock clock = new MovableClock();
        AccessKeyFilter filter = new AccessKeyFilter(new WebPubSubKeyCredential(KEY), Duration.ofMinutes(60), 0,
                clock);
        filter.token("https://x/a");
        assertEquals(0, filter.cachedTokens());
    }

    @Test
    void bearerTokensAreRefreshedFiveMinutesBeforeExpiry() {
        MovableClock clock = new MovableClock();
        AtomicInteger calls = new AtomicInteger();
        BearerTokenFilter filter = new BearerTokenFilter(
                scope -> new WebPubSubAccessToken("t" + calls.incrementAndGet(), clock.now.plus(Duration.ofHours(1))),
                clock);
        assertEquals("t1", filter.token());
        clock.now = clock.now.plus(Duration.ofMinutes(54));
        assertEquals("t1", filter.token());
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertEquals("t2", filter.token());
    }

    @Test
    void shortLivedBearerTokensAreRefreshedAtHalfTheirLifetime() {
        MovableClock clock = new MovableClock();
        AtomicInteger calls = new AtomicInteger();
        BearerTokenFilter filter = new BearerTokenFilter(
                scope -> new WebPubSubAccessToken("t" + calls.incrementAndGet(), clock.now.plus(Duration.ofMinutes(4))),
                clock);
        assertEquals("t1", filter.token());
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertEquals("t1", filter.token());
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertEquals("t2", filter.token());
    }
}
