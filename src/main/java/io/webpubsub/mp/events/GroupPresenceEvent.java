package io.webpubsub.mp.events;

import java.util.Objects;

/**
 * A connection has joined or left a group (group presence events, preview): the common type of
 * {@link GroupJoinedEvent} and {@link GroupLeftEvent}. Observe it to receive both:
 * <pre>{@code
 * void presence(@Observes @WebPubSubHub("chat") GroupPresenceEvent event) { ... }
 * }</pre>
 *
 * @since 0.1.0
 */
public abstract sealed class GroupPresenceEvent permits GroupJoinedEvent, GroupLeftEvent {

    private final ConnectionContext context;
    private final String group;

    GroupPresenceEvent(ConnectionContext context, String group) {
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
        return getClass().getSimpleName() + "[" + context + ", group=" + group + "]";
    }
}
