package io.webpubsub.client;

/** Where a {@link WebPubSubClient} is in its life; see {@link WebPubSubClient#state()}. */
public enum WebPubSubClientState {
    /** Not started, or stopped: operations fail with {@link IllegalStateException}. */
    STOPPED,
    /** {@code start()} is opening the first connection. */
    CONNECTING,
    /** Connected: operations are sent at once. */
    CONNECTED,
    /** The reliable connection dropped and is being recovered; operations wait and are sent after recovery. */
    RECOVERING,
    /** The connection ended and a new one is being opened; operations wait and are sent on the new connection. */
    RECONNECTING,
    /** {@code stop()} is closing the connection. */
    STOPPING
}
