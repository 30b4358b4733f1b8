package io.webpubsub.mp;

/**
 * The clients of hubs known only at run time, configured from MicroProfile Config like injected ones.
 *
 * <pre>{@code
 * @Inject WebPubSubClients hubs;
 *
 * hubs.forHub(tenant + "_chat").sendToAll(Message.text("maintenance at noon"));
 * }</pre>
 *
 * <p>An {@code @ApplicationScoped} bean. Clients are created on first use and shared per hub (also with the
 * injected {@code @WebPubSubHub} clients of the same hub); the container closes them at shutdown, so do not close
 * them yourself.
 *
 * @since 0.1.0
 */
public interface WebPubSubClients {

    /**
     * The blocking client of a hub.
     *
     * @param hub the hub name
     * @return the shared client
     * @throws IllegalArgumentException if the hub name breaks the service's rule
     * @throws IllegalStateException if the hub's configuration is missing or invalid; the message names the keys
     */
    WebPubSubHubClient forHub(String hub);

    /**
     * The asynchronous client of a hub.
     *
     * @param hub the hub name
     * @return the shared client
     * @throws IllegalArgumentException if the hub name breaks the service's rule
     * @throws IllegalStateException if the hub's configuration is missing or invalid; the message names the keys
     */
    WebPubSubHubAsyncClient forHubAsync(String hub);
}
