package io.webpubsub.mp;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

import io.webpubsub.mp.impl.ConnectionString;
import io.webpubsub.mp.impl.HubNames;
import io.webpubsub.mp.impl.HubRuntime;
import io.webpubsub.mp.impl.HubSettings;
import io.webpubsub.mp.models.RetryOptions;
import io.webpubsub.mp.rest.WebPubSubRestApi;
import io.webpubsub.mp.spi.WebPubSubTokenCredential;

/**
 * Builds hub clients without CDI, e.g. in plain Java SE code or tests. The CDI beans are built the same way from
 * MicroProfile Config.
 *
 * <pre>{@code
 * WebPubSubHubClient chat = new WebPubSubClientBuilder()
 *         .connectionString(System.getenv("AZURE_WEBPUBSUB_CONNECTION_STRING"))
 *         .hub("chat")
 *         .buildClient();
 * }</pre>
 *
 * <p>Needed: {@link #hub(String)} and either {@link #connectionString(String)}, or {@link #endpoint(String)} with
 * a credential ({@link #credential(WebPubSubKeyCredential)} or {@link #credential(WebPubSubTokenCredential)}). A
 * credential given explicitly replaces the key of a connection string. Conflicting settings make the
 * {@code build} methods throw {@link IllegalStateException} naming them. Each {@code build} call creates a new,
 * independent client with its own HTTP connections: build once and reuse it. Not thread-safe.
 *
 * <p>Runtime needs: a MicroProfile REST Client implementation, a MicroProfile Config implementation (smallrye-jwt
 * reads it) and the JSON-P API; every Jakarta EE / MicroProfile runtime has them.
 *
 * @since 0.1.0
 */
public final class WebPubSubClientBuilder {

    private String connectionString;
    private String endpoint;
    private WebPubSubKeyCredential keyCredential;
    private WebPubSubTokenCredential tokenCredential;
    private String hub;
    private String reverseProxyEndpoint;
    private WebPubSubServiceVersion serviceVersion = WebPubSubServiceVersion.getLatest();
    private RetryOptions retryOptions = new RetryOptions();
    private Duration tokenLifetime = HubSettings.DEFAULT_TOKEN_LIFETIME;
    private Duration connectTimeout = HubSettings.DEFAULT_CONNECT_TIMEOUT;
    private Duration connectionIdleTimeout = HubSettings.DEFAULT_IDLE_TIMEOUT;
    private Duration readTimeout = HubSettings.DEFAULT_READ_TIMEOUT;
    private Executor executor;

    /** Creates a builder with the defaults: latest service version, Azure retry defaults, 1 h token lifetime. */
    public WebPubSubClientBuilder() {
    }

    /**
     * The connection string from the portal: {@code Endpoint=https://…;AccessKey=…;Version=1.0;} (optional
     * {@code Port}).
     *
     * @param connectionString the connection string
     * @return this builder
     * @throws IllegalArgumentException if it is malformed; the message never contains the key
     */
    public WebPubSubClientBuilder connectionString(String connectionString) {
        ConnectionString.parse(connectionString);
        this.connectionString = connectionString;
        return this;
    }

    /**
     * The service endpoint, e.g. {@code https://demo.webpubsub.azure.com}; may carry a base path.
     *
     * @param endpoint an absolute http(s) URL
     * @return this builder
     * @throws IllegalArgumentException if it is not an absolute http(s) URL
     */
    public WebPubSubClientBuilder endpoint(String endpoint) {
        this.endpoint = ConnectionString.normaliseEndpoint(Objects.requireNonNull(endpoint, "endpoint"), null);
        return this;
    }

    /**
     * Authenticates with an access key (tokens signed locally).
     *
     * @param credential the key
     * @return this builder
     */
    public WebPubSubClientBuilder credential(WebPubSubKeyCredential credential) {
        this.keyCredential = Objects.requireNonNull(credential, "credential");
        return this;
    }

    /**
     * Authenticates with Microsoft Entra ID.
     *
     * @param credential the token source
     * @return this builder
     */
    public WebPubSubClientBuilder credential(WebPubSubTokenCredential credential) {
        this.tokenCredential = Objects.requireNonNull(credential, "credential");
        return this;
    }

    /**
     * The hub the clients talk to.
     *
     * @param hub starts with a letter; letters, digits and {@code _ ` , . [ ]}; at most 128 characters
     * @return this builder
     * @throws IllegalArgumentException if the name breaks the service's rule
     */
    public WebPubSubClientBuilder hub(String hub) {
        HubNames.hubProblem(Objects.requireNonNull(hub, "hub")).ifPresent(problem -> {
            throw new IllegalArgumentException("Invalid 'hub': " + problem);
        });
        this.hub = hub;
        return this;
    }

    /**
     * Sends the REST calls through a reverse proxy such as API Management; the tokens keep the service URL as
     * audience, and client access URLs keep pointing at the service.
     *
     * @param reverseProxyEndpoint an absolute http(s) URL, or null for none
     * @return this builder
     */
    public WebPubSubClientBuilder reverseProxyEndpoint(String reverseProxyEndpoint) {
        this.reverseProxyEndpoint = reverseProxyEndpoint == null ? null
                : ConnectionString.normaliseEndpoint(reverseProxyEndpoint, null);
        return this;
    }

    /**
     * The REST API version.
     *
     * @param serviceVersion the version; default {@link WebPubSubServiceVersion#getLatest()}
     * @return this builder
     */
    public WebPubSubClientBuilder serviceVersion(WebPubSubServiceVersion serviceVersion) {
        this.serviceVersion = Objects.requireNonNull(serviceVersion, "serviceVersion");
        return this;
    }

    /**
     * The retry policy; {@code new RetryOptions().setMaxRetries(0)} turns retrying off.
     *
     * @param retryOptions the policy; copied when a client is built
     * @return this builder
     */
    public WebPubSubClientBuilder retryOptions(RetryOptions retryOptions) {
        this.retryOptions = Objects.requireNonNull(retryOptions, "retryOptions");
        return this;
    }

    /**
     * The lifetime of the access-key tokens of REST calls (each is reused during the first half of it).
     *
     * @param tokenLifetime positive; default 1 hour
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public WebPubSubClientBuilder tokenLifetime(Duration tokenLifetime) {
        this.tokenLifetime = positive(tokenLifetime, "tokenLifetime");
        return this;
    }

    /**
     * The connect timeout of REST calls.
     *
     * @param connectTimeout positive; default 10 s
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public WebPubSubClientBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        return this;
    }

    /**
     * The read timeout of REST calls.
     *
     * @param readTimeout positive; default 60 s
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public WebPubSubClientBuilder readTimeout(Duration readTimeout) {
        this.readTimeout = positive(readTimeout, "readTimeout");
        return this;
    }

    /**
     * How long a pooled HTTP connection may stay unused and still be reused; keep it below the idle timeout of the
     * service and of any load balancer in between, so that no request is written to a connection they closed (see
     * the README, "Running in production", for how each REST client implementation applies it).
     *
     * @param connectionIdleTimeout positive; default 30 s (config key {@code connection-idle-timeout})
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public WebPubSubClientBuilder connectionIdleTimeout(Duration connectionIdleTimeout) {
        this.connectionIdleTimeout = positive(connectionIdleTimeout, "connectionIdleTimeout");
        return this;
    }

    /**
     * The executor that carries the asynchronous client's calls where they need a thread: on a blocking REST client
     * implementation (RESTEasy classic, Jersey, CXF) each call in flight holds one of its threads; on the Quarkus
     * REST client calls hold no thread, and the executor only runs listing pages, {@code isServiceHealthy} and Entra
     * ID token fetches. Injected clients use the container's managed executor (MicroProfile Context Propagation
     * {@code ManagedExecutor} bean, else {@code java:comp/DefaultManagedExecutorService}) when there is one.
     *
     * @param executor the executor, or null for the container's managed executor if found, else the library's
     *        shared pool of {@code max(4, 2 × available processors)} daemon threads
     * @return this builder
     */
    public WebPubSubClientBuilder executor(Executor executor) {
        this.executor = executor;
        return this;
    }

    /**
     * Builds a blocking client.
     *
     * @return a new client
     * @throws IllegalStateException if settings are missing or conflict
     */
    public WebPubSubHubClient buildClient() {
        return HubRuntime.create(settings()).client();
    }

    /**
     * Builds an asynchronous client.
     *
     * @return a new client
     * @throws IllegalStateException if settings are missing or conflict
     */
    public WebPubSubHubAsyncClient buildAsyncClient() {
        return HubRuntime.create(settings()).asyncClient();
    }

    /**
     * Builds the raw REST client, authenticated and with error mapping, but without retry. {@code hub} is not
     * needed (each method takes the hub).
     *
     * @return a new REST client; close it when done
     * @throws IllegalStateException if settings are missing or conflict
     */
    public WebPubSubRestApi buildRestApi() {
        return HubRuntime.restApi(settings(hub == null ? "-" : hub), Clock.systemUTC());
    }

    private HubSettings settings() {
        if (hub == null) {
            throw new IllegalStateException("No hub: call hub(String)");
        }
        return settings(hub);
    }

    private HubSettings settings(String hubName) {
        if (connectionString != null && endpoint != null) {
            throw new IllegalStateException("Both connectionString and endpoint are set: set only one");
        }
        if (keyCredential != null && tokenCredential != null) {
            throw new IllegalStateException("Both a WebPubSubKeyCredential and a WebPubSubTokenCredential are set:"
                    + " set only one");
        }
        String serviceEndpoint = endpoint;
        WebPubSubKeyCredential key = keyCredential;
        if (connectionString != null) {
            ConnectionString parsed = ConnectionString.parse(connectionString);
            serviceEndpoint = parsed.endpoint();
            if (key == null && tokenCredential == null) {
                key = new WebPubSubKeyCredential(parsed.accessKey());
            }
        }
        if (serviceEndpoint == null) {
            throw new IllegalStateException("No service: call connectionString(String), or endpoint(String) with"
                    + " a credential");
        }
        if (key == null && tokenCredential == null) {
            throw new IllegalStateException("No credential for endpoint " + serviceEndpoint
                    + ": call credential(WebPubSubKeyCredential) or credential(WebPubSubTokenCredential)");
        }
        RetryOptions retry = new RetryOptions().setMaxRetries(retryOptions.getMaxRetries())
                .setDelay(retryOptions.getDelay()).setMaxDelay(retryOptions.getMaxDelay());
        return new HubSettings(hubName, serviceEndpoint, reverseProxyEndpoint, key, key == null ? tokenCredential
                : null,
                serviceVersion, tokenLifetime, HubSettings.DEFAULT_TOKEN_CACHE_SIZE, retry, connectTimeout,
                readTimeout, connectionIdleTimeout, executor);
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("The '" + name + "' must be positive: " + value);
        }
        return value;
    }
}
