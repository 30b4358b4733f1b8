package io.webpubsub.client;

/**
 * Receives a client's events; implement the methods you need. Calls for one client come one at a time, in order,
 * on the client's event executor (see {@link WebPubSubClientBuilder#eventExecutor(java.util.concurrent.Executor)}),
 * never on the WebSocket's reader, so a slow listener delays later events but never the connection (sequence acks
 * and recovery go on). An exception thrown by a listener is logged and does not affect other listeners.
 */
public interface WebPubSubClientListener {

    /** A new connection is ready, after {@code start()} and after each reconnection with a new connection id. */
    default void onConnected(ConnectedEvent event) {
    }

    /** A connection ended for good (not called for a drop that was recovered). */
    default void onDisconnected(DisconnectedEvent event) {
    }

    /** The client stopped: by {@code stop()}, or because reconnecting is off or gave up. */
    default void onStopped() {
    }

    /** A message to a group this connection is in; each sequence id once, in order. */
    default void onGroupMessage(GroupMessage message) {
    }

    /** A message from the server to this connection; each sequence id once, in order. */
    default void onServerMessage(ServerMessage message) {
    }

    /** A group could not be joined again on a new connection. */
    default void onRejoinGroupFailed(RejoinGroupFailedEvent event) {
    }
}
