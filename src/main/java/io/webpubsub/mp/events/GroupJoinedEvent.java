package io.webpubsub.mp.events;

/**
 * A connection has joined a group (group presence event {@code azure.webpubsub.sys.joined}, preview): a
 * notification, fired as a CDI event qualified with the hub. The service sends it only to handlers configured
 * with {@code groupPresenceEvents}.
 * <pre>{@code
 * void joined(@Observes @WebPubSubHub("chat") GroupJoinedEvent event) { ... }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class GroupJoinedEvent extends GroupPresenceEvent {

    /**
     * Created by the library; public so that tests can fire it.
     *
     * @param context the connection context
     * @param group the group
     * @throws NullPointerException if an argument is null
     */
    public GroupJoinedEvent(ConnectionContext context, String group) {
        super(context, group);
    }
}
