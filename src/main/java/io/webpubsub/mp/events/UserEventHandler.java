package io.webpubsub.mp.events;

/**
 * Receives the messages clients send to the application (user events) and may reply. Implement it in a CDI bean
 * qualified with the hub:
 * <pre>{@code
 * @ApplicationScoped @WebPubSubHub("chat")
 * public class Echo implements UserEventHandler {
 *     public UserEventResponse onUserEvent(UserEvent event) {
 *         return UserEventResponse.reply(event.data());
 *     }
 * }
 * }</pre>
 *
 * <p>At most one bean per hub (hub names compared case-insensitively); a second one fails the deployment. A hub
 * with {@code azure.webpubsub[.hubs.<hub>].upstream.user-event-pattern} set must have one, or the deployment
 * fails. Without a handler, user events are answered with 204 (nothing sent back) and a warning is logged once
 * per hub.
 *
 * <p>The method runs on the HTTP request thread of the service's call; the service waits for it. The service may
 * deliver an event twice (it retries), so make the handling idempotent where it matters. Any exception other than
 * {@link EventRejectedException} is answered with HTTP 500 and logged; the service then drops the connection.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface UserEventHandler {

    /**
     * Handles a user event.
     *
     * @param event the event and its payload
     * @return the reply, if any; {@code null} is the same as {@link UserEventResponse#noReply()}
     * @throws EventRejectedException to refuse the event with its status and message
     */
    UserEventResponse onUserEvent(UserEvent event);
}
