package io.webpubsub.mp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

import io.webpubsub.mp.models.RetryOptions;
import io.webpubsub.mp.rest.WebPubSubRestApi;
import io.webpubsub.mp.spi.WebPubSubProvider;
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
 * credential given explicitly replaces the key of a connection string. A malformed argument fails in the method
 * it is passed to; missing or conflicting settings make the {@code build} methods throw one
 * {@link IllegalStateException} listing them all, naming the methods to call. The rules are those of the
 * MicroProfile Config keys of the injected clients. Each {@code build} call creates a new,
 * independent client with its own HTTP connections: build once and reuse it. Not thread-safe.
 *
 * <p>Runtime needs: a MicroProfile REST Client implementation, a MicroProfile Config implementation (smallrye-jwt
 * reads it) and the JSON-P API; every Jakarta EE / MicroProfile runtime has them.
 *
 * @since 0.1.0
 */
public final class WebPubSubClientBuilder {

    private final WebPubSubProvider provider;
    /** Each builder method called, by signature, with its checked argument. */
    private final Map<String, Object> settings = new LinkedHashMap<>();

    /**
     * Creates a builder with the defaults: latest service version, Azure retry defaults, 1 h token lifetime.
     *
     * @throws IllegalStateException if the library's implementation is not on the class path
     */
    public WebPubSubClientBuilder() {
        provider = WebPubSubProvider.provider();
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
        return set("connectionString(String)", connectionString);
    }

    /**
     * The service endpoint, e.g. {@code https://demo.webpubsub.azure.com}; may carry a base path.
     *
     * @param endpoint an absolute http(s) URL
     * @return this builder
     * @throws IllegalArgumentException if it is not an absolute http(s) URL
     */
    public WebPubSubClientBuilder endpoint(String endpoint) {
        return set("endpoint(String)", endpoint);
    }

    /**
     * Authenticates with an access key (tokens signed locally).
     *
     * @param credential the key
     * @return this builder
     */
    public WebPubSubClientBuilder credential(WebPubSubKeyCredential credential) {
        return set("credential(WebPubSubKeyCredential)", credential);
    }

    /**
     * Authenticates with Microsoft Entra ID.
     *
     * @param credential the token source
     * @return this builder
     */
    public WebPubSubClientBuilder credential(WebPubSubTokenCredential credential) {
        return set("credential(WebPubSubTokenCredential)", credential);
    }

    /**
     * The hub the clients talk to.
     *
     * @param hub starts with a letter; letters, digits and {@code _ ` , . [ ]}; at most 128 characters
     * @return this builder
     * @throws IllegalArgumentException if the name breaks the service's rule
     */
    public WebPubSubClientBuilder hub(String hub) {
        return set("hub(String)", hub);
    }

    /**
     * Sends the REST calls through a reverse proxy such as API Management; the tokens keep the service URL as
     * audience, and client access URLs keep pointing at the service.
     *
     * @param reverseProxyEndpoint an absolute http(s) URL, or null for none
     * @return this builder
     */
    public WebPubSubClientBuilder reverseProxyEndpoint(String reverseProxyEndpoint) {
        return set("reverseProxyEndpoint(String)", reverseProxyEndpoint);
    }

    /**
     * The REST API version.
     *
     * @param serviceVersion the version; default {@link WebPubSubServiceVersion#getLatest()}
     * @return this builder
     */
    public WebPubSubClientBuilder serviceVersion(WebPubSubServiceVersion serviceVersion) {
        return set("serviceVersion(WebPubSubServiceVersion)", serviceVersion);
    }

    /**
     * The retry policy; {@code new RetryOptions().setMaxRetries(0)} turns retrying off.
     *
     * @param retryOptions the policy; copied when a client is built
     * @return this builder
     */
    public WebPubSubClientBuilder retryOptions(RetryOptions retryOptions) {
        return set("retryOptions(RetryOptions)", retryOptions);
    }

    /**
     * The lifetime of the access-key tokens of REST calls (each is reused during the first half of it).
     *
     * @param tokenLifetime positive; default 1 hour
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public WebPubSubClientBuilder tokenLifetime(Duration tokenLifetime) {
        return set("tokenLifetime(Duration)", tokenLifetime);
    }

    /**
     * The connect timeout of REST calls.
     *
     * @param connectTimeout positive; default 10 s
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public WebPubSubClientBuilder connectTimeout(Duration connectTimeout) {
        return set("connectTimeout(Duration)", connectTimeout);
    }

    /**
     * The read timeout of REST calls.
     *
     * @param readTimeout positive; default 60 s
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public WebPubSubClientBuilder readTimeout(Duration readTimeout) {
        return set("readTimeout(Duration)", readTimeout);
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
        return set("connectionIdleTimeout(Duration)", connectionIdleTimeout);
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
        return set("executor(Executor)", executor);
    }

    /**
     * Builds a blocking client.
     *
     * @return a new client
     * @throws IllegalStateException if settings are missing or conflict
     */
    public WebPubSubHubClient buildClient() {
        return provider.build(WebPubSubHubClient.class, Map.copyOf(settings));
    }

    /**
     * Builds an asynchronous client.
     *
     * @return a new client
     * @throws IllegalStateException if settings are missing or conflict
     */
    public WebPubSubHubAsyncClient buildAsyncClient() {
        return provider.build(WebPubSubHubAsyncClient.class, Map.copyOf(settings));
    }

    /**
     * Builds the raw REST client, authenticated and with error mapping, but without retry. {@code hub} is not
     * needed (each method takes the hub).
     *
     * @return a new REST client; close it when done
     * @throws IllegalStateException if settings are missing or conflict
     */
    public WebPubSubRestApi buildRestApi() {
        return provider.build(WebPubSubRestApi.class, Map.copyOf(settings));
    }

    private WebPubSubClientBuilder set(String setter, Object value) {
        Object checked = provider.check(setter, value);
        if (checked == null) {
            settings.remove(setter);
        } else {
            settings.put(setter, checked);
        }
        return this;
    }
}
