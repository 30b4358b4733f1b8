package io.webpubsub.mp.impl.config;

import java.time.Duration;

/**
 * The readiness-check settings of one hub, read by {@link SettingsResolver#health}.
 *
 * @param enabled whether the hub gets a readiness check ({@code health.enabled}, default true)
 * @param timeout connect and read timeout of the probe ({@code health.timeout}, default 2 s)
 * @param cacheTtl how long a probe's result answers further checks ({@code health.cache-ttl}, default 5 s; zero
 *        probes on every check)
 */
public record HealthSettings(boolean enabled, Duration timeout, Duration cacheTtl) {

    /** Default probe timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** Default time a probe's result is reused. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(5);
    /** The defaults. */
    public static final HealthSettings DEFAULTS = new HealthSettings(true, DEFAULT_TIMEOUT, DEFAULT_CACHE_TTL);
}
