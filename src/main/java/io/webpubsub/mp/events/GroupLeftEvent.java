package io.webpubsub.mp.events;

import java.util.Objects;

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
public final class GroupLeftEvent {

    private final ConnectionContext context;
    private final String group;

    /**
     * Created by the library; public so that tests can fire it.
     *
     * @param context the connection context
     * @param group the group
     */
    public GroupLeftEvent(ConnectionContext context, String group) {
        this.context = Objects.requireNonNull(context, "context");
        this.group = Objects.requireNonNull(group, "group");
    }

    /**
     * @return the connection
     */
    public ConnectionContext context() {
        return context;
    }

    /**
     * @return the group name
     */
    public String group() {
        return group;
    }

    @Override
    public String toString() {
        return "GroupLeftEvent[" + context + ", group=" + group + "]";
    }
}
