package io.webpubsub.mp.events;

/**
 * A connection has left a group (group presence event {@code azure.webpubsub.sys.left}, preview): a
 * notification, fired as a CDI event qualified with the hub. The service sends it only to handlers configured
 * with {@code groupPresenceEvents}.
 * <pre>{@code
 * void left(@Observes @WebPubSubHub("chat") GroupLeftEvent event) { ... }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class GroupLeftEvent extends GroupPresenceEvent {

    /**
     * Created by the library; public so that tests can fire it.
     *
     * @param context the connection context
     * @param group the group
     * @throws NullPointerException if an argument is null
     */
    public GroupLeftEvent(ConnectionContext context, String group) {
        super(context, group);
    }
}
