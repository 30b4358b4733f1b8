package io.webpubsub.mp.impl.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * REST tokens by audience (the request URL), least recently used evicted beyond the bound. A token is reused only
 * during the first half of its lifetime, so a reused token always has at least half its lifetime left, and only
 * while the access key is the one it was signed with.
 */
final class TokenCache {

    private record Entry(String token, String key, Instant reuseUntil) {
    }

    private final int maxEntries;
    private final Map<String, Entry> entries;

    TokenCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > TokenCache.this.maxEntries;
            }
        };
    }

    synchronized String get(String audience, String key, Instant now) {
        Entry e = entries.get(audience);
        // identity, not equals: a rotated key is a different String even when it equals nothing else cached
        if (e == null || e.key() != key || !now.isBefore(e.reuseUntil())) {
            return null;
        }
        return e.token();
    }

    synchronized void put(String audience, String key, String token, Instant reuseUntil) {
        if (maxEntries > 0) {
            entries.put(audience, new Entry(token, key, reuseUntil));
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
