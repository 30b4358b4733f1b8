package io.webpubsub.mp.impl;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

import io.webpubsub.mp.WebPubSubKeyCredential;
import io.webpubsub.mp.WebPubSubServiceVersion;
import io.webpubsub.mp.models.RetryOptions;
import io.webpubsub.mp.spi.WebPubSubTokenCredential;

/**
 * Everything needed to build the clients of one hub, checked and normalised; from the builder or from
 * MicroProfile Config. Exactly one of {@code key} and {@code tokenCredential} is set.
 *
 * @param hub the hub
 * @param endpoint the normalised service endpoint
 * @param reverseProxyEndpoint the normalised proxy endpoint, or null
 * @param key the access key, or null in Entra ID mode
 * @param tokenCredential the Entra ID credential, or null in key mode
 * @param serviceVersion the api-version
 * @param tokenLifetime lifetime of REST tokens
 * @param tokenCacheSize the most cached REST tokens
 * @param retry the retry settings (a private copy)
 * @param connectTimeout the connect timeout
 * @param readTimeout the read timeout
 * @param idleTimeout how long a pooled connection may stay unused before it is no longer reused
 * @param executor runs async calls, or null for the shared pool
 */
public record HubSettings(String hub, String endpoint, String reverseProxyEndpoint, WebPubSubKeyCredential key,
        WebPubSubTokenCredential tokenCredential, WebPubSubServiceVersion serviceVersion, Duration tokenLifetime,
        int tokenCacheSize, RetryOptions retry, Duration connectTimeout, Duration readTimeout, Duration idleTimeout,
        Executor executor) {

    /** Default lifetime of the REST call tokens. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);
    /** Default bound of the REST token cache. */
    public static final int DEFAULT_TOKEN_CACHE_SIZE = 1000;
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default read timeout. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** Default idle limit of pooled connections: below the idle timeouts of common load balancers (60 s and up). */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Checks the invariants.
     */
    public HubSettings {
        Objects.requireNonNull(hub, "hub");
        Objects.requireNonNull(endpoint, "endpoint");
        if ((key == null) == (tokenCredential == null)) {
            throw new IllegalStateException("Exactly one of an access key and a token credential must be set");
        }
        Objects.requireNonNull(serviceVersion, "serviceVersion");
        Objects.requireNonNull(retry, "retry");
    }

    /**
     * @param connect the connect timeout
     * @param read the read timeout
     * @return these settings with other timeouts
     */
    public HubSettings withTimeouts(Duration connect, Duration read) {
        return new HubSettings(hub, endpoint, reverseProxyEndpoint, key, tokenCredential, serviceVersion, tokenLifetime,
                tokenCacheSize, retry, connect, read, idleTimeout, executor);
    }

    /**
     * @param runner runs async calls, or null for the shared pool
     * @return these settings with another executor
     */
    public HubSettings withExecutor(Executor runner) {
        return new HubSettings(hub, endpoint, reverseProxyEndpoint, key, tokenCredential, serviceVersion, tokenLifetime,
                tokenCacheSize, retry, connectTimeout, readTimeout, idleTimeout, runner);
    }

    @Override
    public String toString() {
        return "HubSettings[hub=" + hub + ", endpoint=" + endpoint + ", reverseProxyEndpoint=" + reverseProxyEndpoint
                + ", auth=" + (key != null ? "access key" : "Entra ID") + ", serviceVersion=" + serviceVersion
                + ", tokenLifetime=" + tokenLifetime + ", retry=" + retry + "]";
    }
}
