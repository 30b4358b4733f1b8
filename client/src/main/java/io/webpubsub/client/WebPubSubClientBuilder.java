package io.webpubsub.client;

import io.webpubsub.client.spi.WebPubSubClientProvider;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Configures and builds a {@link WebPubSubClient}. Not thread-safe; each {@link #build()} makes an independent
 * client. Every setter rejects bad values at once, naming the option.
 *
 * <pre>{@code
 * WebPubSubClient client = new WebPubSubClientBuilder()
 *         .credential(() -> negotiate())          // CompletionStage<String>: a client access URL, asked per connection
 *         .build();
 * }</pre>
 */
public final class WebPubSubClientBuilder {

    private Supplier<CompletionStage<String>> credential;
    private WebPubSubProtocol protocol = WebPubSubProtocol.JSON_RELIABLE;
    private boolean autoReconnect = true;
    private boolean autoRejoinGroups = true;
    private Duration reconnectDelay = Duration.ofSeconds(1);
    private Duration reconnectMaxDelay = Duration.ofSeconds(30);
    private int maxReconnectAttempts = Integer.MAX_VALUE;
    private Duration recoveryTimeout = Duration.ofSeconds(30);
    private int maxSendRetries = 3;
    private Duration connectTimeout = Duration.ofSeconds(30);
    private int maxMessageSize = 1024 * 1024;
    private HttpClient httpClient;
    private Executor eventExecutor;
    private final WebPubSubClientProvider provider;

    /**
     * A builder with the defaults listed on each setter.
     *
     * @throws IllegalStateException if the client's implementation is not on the class path
     */
    public WebPubSubClientBuilder() {
        provider = WebPubSubClientProvider.provider();
    }

    /**
     * Where client access URLs come from, e.g. a call to the app's negotiate endpoint (which calls the service's
     * {@code getClientAccess}). Asked again for every new connection, so tokens are fresh; not asked for recoveries.
     * Either this or {@link #clientAccessUrl(String)} is required.
     */
    public WebPubSubClientBuilder credential(Supplier<CompletionStage<String>> credential) {
        this.credential = Objects.requireNonNull(credential, "credential");
        return this;
    }

    /**
     * A fixed client access URL ({@code wss://…/client/hubs/<hub>?access_token=…}), for tokens that outlive the
     * client; reconnections reuse it. Replaces {@link #credential(Supplier)}.
     */
    public WebPubSubClientBuilder clientAccessUrl(String url) {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("Invalid 'url': the client access URL is empty");
        }
        this.credential = () -> CompletableFuture.completedFuture(url);
        return this;
    }

    /** The subprotocol; default {@link WebPubSubProtocol#JSON_RELIABLE}. */
    public WebPubSubClientBuilder protocol(WebPubSubProtocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        return this;
    }

    /** Whether a lost connection is replaced by a new one; default {@code true}. Off: the client stops instead. */
    public WebPubSubClientBuilder autoReconnect(boolean autoReconnect) {
        this.autoReconnect = autoReconnect;
        return this;
    }

    /** Whether groups joined through the client are joined again on a new connection; default {@code true}. */
    public WebPubSubClientBuilder autoRejoinGroups(boolean autoRejoinGroups) {
        this.autoRejoinGroups = autoRejoinGroups;
        return this;
    }

    /**
     * Back-off between attempts to open a new connection: {@code first} before the first attempt, doubling up to
     * {@code max}. Defaults 1 s and 30 s.
     */
    public WebPubSubClientBuilder reconnectDelay(Duration first, Duration max) {
        positive(first, "first");
        positive(max, "max");
        if (max.compareTo(first) < 0) {
            throw new IllegalArgumentException("Invalid 'max': " + max + " is shorter than 'first' " + first);
        }
        this.reconnectDelay = first;
        this.reconnectMaxDelay = max;
        return this;
    }

    /** Attempts to open a new connection before the client gives up and stops; ≥ 1, default unlimited. */
    public WebPubSubClientBuilder maxReconnectAttempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("Invalid 'attempts': " + attempts + " (at least 1)");
        }
        this.maxReconnectAttempts = attempts;
        return this;
    }

    /**
     * How long a reliable client keeps trying to recover a dropped connection (one attempt a second) before it
     * opens a new one; default 30 s, the service's recovery window.
     */
    public WebPubSubClientBuilder recoveryTimeout(Duration timeout) {
        this.recoveryTimeout = positive(timeout, "timeout");
        return this;
    }

    /** How often an operation is sent again after recoveries; ≥ 0, default 3. */
    public WebPubSubClientBuilder maxSendRetries(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("Invalid 'retries': " + retries + " (at least 0)");
        }
        this.maxSendRetries = retries;
        return this;
    }

    /** Limit for the handshake plus the service's {@code connected} message, and for closing; default 30 s. */
    public WebPubSubClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "timeout");
        return this;
    }

    /** The largest frame the client sends, in UTF-8 bytes; default 1 MiB (the service's limit). */
    public WebPubSubClientBuilder maxMessageSize(int bytes) {
        if (bytes < 64) {
            throw new IllegalArgumentException("Invalid 'bytes': " + bytes + " (at least 64)");
        }
        this.maxMessageSize = bytes;
        return this;
    }

    /** The JDK HTTP client that opens the WebSockets (proxy, SSL context, executor); default a shared one. */
    public WebPubSubClientBuilder httpClient(HttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        return this;
    }

    /**
     * Where listeners run (one at a time per client, in order) and stages complete; default a shared pool of
     * daemon threads.
     */
    public WebPubSubClientBuilder eventExecutor(Executor executor) {
        this.eventExecutor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /**
     * Builds a client (not started).
     *
     * @throws IllegalStateException when neither {@code credential} nor {@code clientAccessUrl} was set
     */
    public WebPubSubClient build() {
        if (credential == null) {
            throw new IllegalStateException("Set 'credential' or 'clientAccessUrl' before build()");
        }
        Map<String, Object> options = new HashMap<>();
        options.put("credential", credential);
        options.put("protocol", protocol);
        options.put("autoReconnect", autoReconnect);
        options.put("autoRejoinGroups", autoRejoinGroups);
        options.put("reconnectDelay", reconnectDelay);
        options.put("reconnectMaxDelay", reconnectMaxDelay);
        options.put("maxReconnectAttempts", maxReconnectAttempts);
        options.put("recoveryTimeout", recoveryTimeout);
        options.put("maxSendRetries", maxSendRetries);
        options.put("connectTimeout", connectTimeout);
        options.put("maxMessageSize", maxMessageSize);
        options.put("httpClient", httpClient);
        options.put("eventExecutor", eventExecutor);
        return provider.create(options);
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("Invalid '" + name + "': " + value + " (must be positive)");
        }
        return value;
    }
}
