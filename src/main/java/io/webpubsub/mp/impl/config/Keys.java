package io.webpubsub.mp.impl.config;

import java.util.Locale;

/** The setting names under {@code azure.webpubsub.} (global) and {@code azure.webpubsub.hubs.<hub>.} (per hub). */
public final class Keys {

    public static final String CONNECTION_STRING = "connection-string";
    public static final String ENDPOINT = "endpoint";
    public static final String ACCESS_KEY = "access-key";
    public static final String REVERSE_PROXY_ENDPOINT = "reverse-proxy-endpoint";
    public static final String SERVICE_VERSION = "service-version";
    public static final String TOKEN_LIFETIME = "token-lifetime";
    public static final String TOKEN_CACHE_SIZE = "token-cache-size";
    public static final String RETRY_MAX_RETRIES = "retry.max-retries";
    public static final String RETRY_DELAY = "retry.delay";
    public static final String RETRY_MAX_DELAY = "retry.max-delay";
    public static final String CONNECT_TIMEOUT = "connect-timeout";
    public static final String READ_TIMEOUT = "read-timeout";
    /** Whether the hub gets an MP Health readiness check (read when the application is deployed). */
    public static final String HEALTH_ENABLED = "health.enabled";
    /** Connect and read timeout of the readiness check's probe. */
    public static final String HEALTH_TIMEOUT = "health.timeout";
    /** How long a probe's result answers further readiness checks. */
    public static final String HEALTH_CACHE_TTL = "health.cache-ttl";
    public static final String CONNECTION_IDLE_TIMEOUT = "connection-idle-timeout";
    public static final String TELEMETRY_ENABLED = "telemetry.enabled";

    private Keys() {
    }

    /**
     * The environment-variable form MicroProfile Config maps a key to: every character other than a letter or
     * digit becomes {@code _}, then upper case.
     *
     * @param key the full key
     * @return e.g. {@code AZURE_WEBPUBSUB_HUBS_CHAT_CONNECTION_STRING}
     */
    public static String env(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /**
     * A key with its environment-variable form, for messages.
     *
     * @param key the full key
     * @return {@code key (env KEY)}
     */
    public static String withEnv(String key) {
        return key + " (env " + env(key) + ")";
    }
}
