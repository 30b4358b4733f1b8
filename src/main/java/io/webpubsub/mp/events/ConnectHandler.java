package io.webpubsub.mp.events;

/**
 * Decides whether a client may connect to a hub, and as whom. Implement it in a CDI bean qualified with the hub:
 * <pre>{@code
 * @ApplicationScoped @WebPubSubHub("chat")
 * public class ChatConnect implements ConnectHandler {
 *     public ConnectResponse onConnect(ConnectEvent event) {
 *         if (event.claims().get("sub") == null) {
 *             throw EventRejectedException.unauthorized("sign in first");
 *         }
 *         return ConnectResponse.accept().withGroups("lobby");
 *     }
 * }
 * }</pre>
 *
 * <p>At most one bean per hub (hub names compared case-insensitively); a second one fails the deployment. A hub
 * whose {@code azure.webpubsub[.hubs.<hub>].upstream.system-events} lists {@code connect} must have one, or the
 * deployment fails. Without a handler, a {@code connect} event is accepted with the token's values, as the
 * service does when no handler is configured.
 *
 * <p>The method runs on the HTTP request thread of the service's call; the service waits for it (and times out
 * after about 100 s). Any exception other than {@link EventRejectedException} refuses the connection with
 * HTTP 500 and is logged.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ConnectHandler {

    /**
     * Handles a {@code connect} event.
     *
     * @param event the client's connect request
     * @return how the connection is accepted; {@code null} is the same as {@link ConnectResponse#accept()}
     * @throws EventRejectedException to refuse the connection with its status and message
     */
    ConnectResponse onConnect(ConnectEvent event);
}
