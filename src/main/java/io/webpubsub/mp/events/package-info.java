/**
 * Upstream events: what the Web PubSub service tells the application about its clients, delivered to CDI beans
 * qualified with {@link io.webpubsub.mp.WebPubSubHub @WebPubSubHub}.
 *
 * <p>Blocking events need an answer and go to one handler bean per hub: {@link io.webpubsub.mp.events.ConnectHandler}
 * decides who may connect and as whom, {@link io.webpubsub.mp.events.UserEventHandler} receives the clients'
 * messages and may reply. Notifications are CDI events: observe {@link io.webpubsub.mp.events.ConnectedEvent},
 * {@link io.webpubsub.mp.events.DisconnectedEvent}, {@link io.webpubsub.mp.events.GroupJoinedEvent} and
 * {@link io.webpubsub.mp.events.GroupLeftEvent} (or their common type
 * {@link io.webpubsub.mp.events.GroupPresenceEvent} for both) with {@code @Observes} or {@code @ObservesAsync}.
 * <pre>{@code
 * @ApplicationScoped @WebPubSubHub("chat")
 * public class ChatEvents implements ConnectHandler, UserEventHandler {
 *     public ConnectResponse onConnect(ConnectEvent event) {
 *         String user = event.query().getOrDefault("user", List.of()).stream().findFirst()
 *                 .orElseThrow(() -> EventRejectedException.unauthorized("who are you?"));
 *         return ConnectResponse.accept().withUserId(user).withGroups("lobby");
 *     }
 *     public UserEventResponse onUserEvent(UserEvent event) {
 *         return UserEventResponse.reply(EventData.text("got " + event.data().asText()));
 *     }
 *     void joined(@Observes @WebPubSubHub("chat") ConnectedEvent event) { ... }
 * }
 * }</pre>
 *
 * <p>The library's Jakarta REST endpoint receives the service's requests, checks them (abuse protection and
 * signatures, on by default) and calls these beans; see the README section "Handling events" for its path and
 * configuration keys.
 *
 * @since 0.1.0
 */
package io.webpubsub.mp.events;
