package io.webpubsub.mp.events;

import java.util.Objects;

/**
 * A client has connected ({@code azure.webpubsub.sys.connected}): a notification, fired as a CDI event qualified
 * with the hub.
 * <pre>{@code
 * void connected(@Observes @WebPubSubHub("chat") ConnectedEvent event) { ... }
 * }</pre>
 *
 * <p>Synchronous observers run before the library answers the service (an exception makes the answer a 500, which
 * the service only logs); {@code @ObservesAsync} observers run afterwards.
 *
 * @since 0.1.0
 */
public final class ConnectedEvent {

    private final ConnectionContext context;

    /**
     * Created by the library; public so that tests can fire it.
     *
     * @param context the connection context
     */
    public ConnectedEvent(ConnectionContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * @return the connection that connected
     */
    public ConnectionContext context() {
        return context;
    }

    @Override
    public String toString() {
        return "ConnectedEvent[" + context + "]";
    }
}
