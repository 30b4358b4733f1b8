package io.webpubsub.mp.impl.health;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.webpubsub.mp.WebPubSubServiceException;
import io.webpubsub.mp.impl.HubRuntime;
import io.webpubsub.mp.impl.HubSettings;
import io.webpubsub.mp.impl.config.HealthSettings;
import io.webpubsub.mp.rest.WebPubSubRestApi;

/**
 * Asks one hub's service whether it is healthy: {@code HEAD /api/health}, anonymous, one attempt, through a REST
 * client of its own whose connect and read timeouts are the probe's timeout (so a hanging service costs at most
 * that, not the hub clients' read timeout). An outcome answers every further {@link #probe()} for the cache TTL;
 * concurrent callers wait for the probe in flight instead of starting their own, so probe storms reach the service
 * at most once per TTL. Thread-safe; {@link #close()} releases the REST client.
 */
public final class ServiceProbe implements AutoCloseable {

    private static final int MAX_ERROR_CHARS = 200;

    /**
     * What one probe found.
     *
     * @param up whether the service answered its health probe with a success status
     * @param host the service's {@code host[:port]}, or null when the hub's settings could not be resolved
     * @param error why it is down (never a key or token), or null when up
     */
    public record Outcome(boolean up, String host, String error) {
    }

    private final Supplier<HubSettings> settings;
    private final HealthSettings health;
    private final LongSupplier nanoTime;

    private WebPubSubRestApi api;
    private HubSettings resolved;
    private Outcome last;
    private long lastAt;

    /**
     * @param settings the hub's settings, resolved on the first probe (may throw, naming the keys)
     * @param health the probe's timeout and cache TTL
     * @param nanoTime the monotonic clock
     */
    public ServiceProbe(Supplier<HubSettings> settings, HealthSettings health, LongSupplier nanoTime) {
        this.settings = settings;
        this.health = health;
        this.nanoTime = nanoTime;
    }

    /**
     * @return the cached outcome while it is younger than the cache TTL, else a new probe's
     */
    public synchronized Outcome probe() {
        long now = nanoTime.getAsLong();
        if (last != null && now - lastAt < health.cacheTtl().toNanos()) {
            return last;
        }
        last = probeNow();
        lastAt = nanoTime.getAsLong();
        return last;
    }

    private Outcome probeNow() {
        try {
            if (api == null) {
                resolved = settings.get();
                api = HubRuntime.restApi(resolved.withTimeouts(health.timeout(), health.timeout()),
                        Clock.systemUTC());
            }
        } catch (RuntimeException e) {
            return new Outcome(false, null, "not configured: " + text(e));
        }
        String host = host(resolved.endpoint());
        long start = nanoTime.getAsLong();
        try {
            api.getServiceStatus(resolved.serviceVersion().getVersion());
            return new Outcome(true, host, null);
        } catch (WebPubSubServiceException e) {
            if (e.getStatusCode() > 0) {
                return new Outcome(false, host, "HEAD /api/health answered " + e.getStatusCode());
            }
            return new Outcome(false, host, failure(e, start));
        } catch (RuntimeException e) {
            return new Outcome(false, host, failure(e, start));
        }
    }

    private String failure(RuntimeException e, long start) {
        Duration took = Duration.ofNanos(nanoTime.getAsLong() - start);
        if (took.compareTo(health.timeout()) >= 0) {
            return "no answer within " + health.timeout().toMillis() + " ms";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return text(root);
    }

    private static String text(Throwable t) {
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) + "..." : text;
    }

    /** {@code host} or {@code host:port}: what an operator recognises, without path or query. */
    static String host(String endpoint) {
        URI uri = URI.create(endpoint);
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    @Override
    public synchronized void close() {
        if (api != null) {
            try {
                api.close();
            } catch (IOException | RuntimeException e) {
                System.getLogger("io.webpubsub.mp").log(System.Logger.Level.DEBUG, "Closing the probe failed", e);
            }
            api = null;
        }
    }
}
