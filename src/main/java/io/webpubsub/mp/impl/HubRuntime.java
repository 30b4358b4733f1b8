package io.webpubsub.mp.impl;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.impl.auth.AccessKeyFilter;
import io.webpubsub.mp.impl.auth.JwtMinter;
import io.webpubsub.mp.impl.auth.BearerTokenFilter;
import io.webpubsub.mp.impl.client.ClientTokens;
import io.webpubsub.mp.impl.client.DefaultHubAsyncClient;
import io.webpubsub.mp.impl.client.DefaultHubClient;
import io.webpubsub.mp.impl.client.HubOperations;
import io.webpubsub.mp.impl.http.AsyncExecutors;
import io.webpubsub.mp.impl.http.AsyncRestApi;
import io.webpubsub.mp.impl.http.ErrorMapper;
import io.webpubsub.mp.impl.http.NextLinkFilter;
import io.webpubsub.mp.impl.http.NextPageApi;
import io.webpubsub.mp.impl.http.RequestExecutor;
import io.webpubsub.mp.impl.http.RequestTrace;
import io.webpubsub.mp.impl.http.RetryPolicy;
import io.webpubsub.mp.impl.http.ReverseProxyFilter;
import io.webpubsub.mp.impl.telemetry.Telemetry;
import io.webpubsub.mp.rest.WebPubSubRestApi;

/**
 * The machinery behind the clients of one hub: one MicroProfile REST client (with its connection pool and token
 * cache) shared by the sync and async client. {@link #close()} releases the connections.
 */
public final class HubRuntime implements AutoCloseable {

    private static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";
    private static final String JERSEY_SUPPRESS_HTTP_COMPLIANCE_VALIDATION =
            "jersey.config.client.suppressHttpComplianceValidation";
    /** RESTEasy classic calls {@code ResteasyClientBuilder.connectionTTL(long, TimeUnit)} with these arguments. */
    private static final String RESTEASY_CONNECTION_TTL = "resteasy.connectionTTL";
    /** The Quarkus REST client's idle limit (Vert.x keep-alive timeout), whole seconds. */
    private static final String QUARKUS_CONNECTION_TTL = "io.quarkus.rest.client.connection-ttl";

    private final HubSettings settings;
    private final WebPubSubRestApi api;
    private final Lazy<NextPageApi> nextPages;
    private final Lazy<AsyncRestApi> asyncApi;
    private final WebPubSubHubClient client;
    private final WebPubSubHubAsyncClient asyncClient;

    private final WebPubSubHubClient sharedClient;
    private final WebPubSubHubAsyncClient sharedAsyncClient;

    private HubRuntime(HubSettings settings, WebPubSubRestApi api, Lazy<NextPageApi> nextPages,
            Lazy<AsyncRestApi> asyncApi, HubOperations ops, RequestExecutor executor) {
        this.settings = settings;
        this.api = api;
        this.nextPages = nextPages;
        this.asyncApi = asyncApi;
        this.client = new DefaultHubClient(ops, executor, this::close);
        this.asyncClient = new DefaultHubAsyncClient(ops, executor, this::close);
        this.sharedClient = new DefaultHubClient(ops, executor, () -> { });
        this.sharedAsyncClient = new DefaultHubAsyncClient(ops, executor, () -> { });
    }

    /**
     * Builds the REST client and the hub clients, reporting to the global OpenTelemetry instance if there is one.
     *
     * @param settings the settings
     * @return the runtime
     */
    public static HubRuntime create(HubSettings settings) {
        return create(settings, Telemetry.clients(null, null));
    }

    /**
     * Builds the REST client and the hub clients.
     *
     * @param settings the settings
     * @param telemetry where the hub's operations are reported
     * @return the runtime
     */
    public static HubRuntime create(HubSettings settings, Telemetry.Clients telemetry) {
        Clock clock = Clock.systemUTC();
        if (settings.key() != null) {
            JwtMinter.warmUpInBackground();
        }
        BearerTokenFilter bearer = settings.tokenCredential() == null ? null
                : new BearerTokenFilter(settings.tokenCredential(), clock);
        Telemetry.Hub hubTelemetry = telemetry.hub(settings.hub(), settings.endpoint());
        WebPubSubRestApi api = restApi(settings, clock, bearer, hubTelemetry.restClientFilter());
        String version = settings.serviceVersion().getVersion();
        ClientTokens tokens = settings.key() != null
                ? ClientTokens.local(settings.endpoint(), settings.hub(), settings.key(), clock)
                : ClientTokens.service(settings.endpoint(), settings.hub(), api, version);
        Lazy<NextPageApi> nextPages = new Lazy<>(() -> builder(settings, clock, bearer,
                hubTelemetry.restClientFilter()).register(new NextLinkFilter()).build(NextPageApi.class));
        ExecutorService asyncExecutor = AsyncExecutors.choose(settings.executor());
        Lazy<AsyncRestApi> asyncApi = new Lazy<>(() -> {
            RestClientBuilder builder = builder(settings, clock, bearer, hubTelemetry.restClientFilter());
            if (!AsyncExecutors.nonBlocking(builder)) {
                builder.executorService(hubTelemetry.propagating(asyncExecutor));
            }
            return builder.build(AsyncRestApi.class);
        });
        HubOperations ops = new HubOperations(api, asyncApi::get, nextPages::get, settings.hub(), version,
                settings.endpoint(), tokens);
        RequestExecutor executor = new RequestExecutor(
                new RetryPolicy(settings.retry(), () -> ThreadLocalRandom.current().nextDouble()), asyncExecutor,
                bearer == null ? null : bearer::token, hubTelemetry);
        return new HubRuntime(settings, api, nextPages, asyncApi, ops, executor);
    }

    /**
     * A REST client with authentication, error mapping, tracing and the proxy rewrite.
     *
     * @param settings the settings
     * @param clock the clock
     * @return the REST client
     */
    public static WebPubSubRestApi restApi(HubSettings settings, Clock clock) {
        return restApi(settings, clock, settings.tokenCredential() == null ? null
                : new BearerTokenFilter(settings.tokenCredential(), clock), null);
    }

    private static WebPubSubRestApi restApi(HubSettings settings, Clock clock, BearerTokenFilter bearer,
            Object telemetryFilter) {
        return builder(settings, clock, bearer, telemetryFilter).build(WebPubSubRestApi.class);
    }

    private static RestClientBuilder builder(HubSettings settings, Clock clock, BearerTokenFilter bearer,
            Object telemetryFilter) {
        RestClientBuilder builder = RestClientBuilder.newBuilder()
                .baseUri(URI.create(settings.endpoint()))
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .property(DISABLE_DEFAULT_MAPPER, Boolean.TRUE)
                // pooled connections the server or a load balancer may have closed are not reused; each
                // implementation reads its own key and stores the others unused
                .property(RESTEASY_CONNECTION_TTL, List.of(settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .property(QUARKUS_CONNECTION_TTL, wholeSeconds(settings.idleTimeout()))
                // the service's PUT operations carry no body, which Jersey (Payara) refuses unless told otherwise
                .property(JERSEY_SUPPRESS_HTTP_COMPLIANCE_VALIDATION, Boolean.TRUE)
                .register(new ErrorMapper(), 1)
                .register(new RequestTrace(), Integer.MAX_VALUE)
                .register(new io.webpubsub.mp.impl.http.SlashFilter(), 100)
                .register(new io.webpubsub.mp.impl.http.GroupsRequestWriter());
        if (settings.key() != null) {
            builder.register(new AccessKeyFilter(settings.key(), settings.tokenLifetime(), settings.tokenCacheSize(),
                    clock), jakarta.ws.rs.Priorities.AUTHENTICATION);
        } else {
            builder.register(bearer, jakarta.ws.rs.Priorities.AUTHENTICATION);
        }
        if (settings.reverseProxyEndpoint() != null) {
            builder.register(new ReverseProxyFilter(settings.endpoint(), settings.reverseProxyEndpoint()),
                    jakarta.ws.rs.Priorities.USER + 1000);
        }
        if (telemetryFilter != null) {
            // after every other request filter, so that it sees a traceparent the runtime's instrumentation added
            // (Quarkus adds a second header line otherwise)
            builder.register(telemetryFilter, Integer.MAX_VALUE - 1);
        }
        return builder;
    }

    /** Rounded down (a shorter limit is the safe side), at least 1. */
    private static Integer wholeSeconds(Duration duration) {
        long seconds = Math.max(1, duration.toSeconds());
        return (int) Math.min(seconds, Integer.MAX_VALUE);
    }

    /** @return the settings */
    public HubSettings settings() {
        return settings;
    }

    /** @return the blocking client */
    public WebPubSubHubClient client() {
        return client;
    }

    /** @return the asynchronous client */
    public WebPubSubHubAsyncClient asyncClient() {
        return asyncClient;
    }

    /** @return the blocking client whose {@code close()} does nothing, for the container */
    public WebPubSubHubClient sharedClient() {
        return sharedClient;
    }

    /** @return the asynchronous client whose {@code close()} does nothing, for the container */
    public WebPubSubHubAsyncClient sharedAsyncClient() {
        return sharedAsyncClient;
    }

    /** @return the REST client */
    public WebPubSubRestApi restApi() {
        return api;
    }

    @Override
    public void close() {
        close(api);
        nextPages.close();
        asyncApi.close();
    }

    private static void close(java.io.Closeable client) {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            System.getLogger("io.webpubsub.mp").log(System.Logger.Level.DEBUG, "Closing the REST client failed", e);
        }
    }

    /**
     * A further REST client, built on first use: most applications never page, and many never call
     * asynchronously.
     */
    private static final class Lazy<T extends java.io.Closeable> {

        private final java.util.function.Supplier<T> factory;
        private T api;
        private boolean closed;

        Lazy(java.util.function.Supplier<T> factory) {
            this.factory = factory;
        }

        synchronized T get() {
            if (closed) {
                throw new IllegalStateException("The client is closed");
            }
            if (api == null) {
                api = factory.get();
            }
            return api;
        }

        synchronized void close() {
            closed = true;
            if (api != null) {
                HubRuntime.close(api);
            }
        }
    }
}
