package io.webpubsub.mp.events;

import java.util.Objects;

/**
 * A client sent a message to the application: a user event ({@code azure.webpubsub.user.<name>}), handled by the
 * hub's {@link UserEventHandler}. Raw WebSocket frames arrive as the event {@code message}; subprotocol clients
 * name the event themselves.
 *
 * @since 0.1.0
 */
public final class UserEvent {

    private final ConnectionContext context;
    private final EventData data;

    /**
     * Created by the library; public so that tests can call handlers directly.
     *
     * @param context the connection context
     * @param data the payload
     */
    public UserEvent(ConnectionContext context, EventData data) {
        this.context = Objects.requireNonNull(context, "context");
        this.data = Objects.requireNonNull(data, "data");
    }

    /**
     * @return the connection that sent the event
     */
    public ConnectionContext context() {
        return context;
    }

    /**
     * The event name ({@code message} for raw WebSocket frames); same as {@code context().eventName()}.
     *
     * @return the event name
     */
    public String name() {
        return context.eventName();
    }

    /**
     * @return the payload and its type
     */
    public EventData data() {
        return data;
    }

    /** Shows the context and the payload's type and size, never its content. */
    @Override
    public String toString() {
        return "UserEvent[" + context + ", " + data + "]";
    }
}
