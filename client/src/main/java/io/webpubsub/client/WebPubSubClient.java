package io.webpubsub.client;

import java.util.concurrent.CompletionStage;

/**
 * A connection to Azure Web PubSub (or the emulator) over a WebSocket client protocol: join and leave groups,
 * publish to groups, send events to the app's event handler, and receive group and server messages through
 * {@link WebPubSubClientListener}s. Build one with {@link WebPubSubClientBuilder}.
 *
 * <p><b>Life cycle.</b> {@link #start()} opens a connection with a client access URL from the credential. When the
 * connection drops, a reliable client first recovers the same connection (same connection id, groups and messages,
 * nothing lost or repeated); when that is refused or takes longer than the recovery timeout, or on the
 * non-reliable protocol, it opens a new connection with a fresh URL from the credential and joins the groups it had
 * joined again. {@link #stop()} ends everything and no reconnect follows; the client may be started again.
 *
 * <p><b>Operations</b> return a stage that completes when the service acknowledged them (or, fire-and-forget, when
 * the frame was written). Issued while the connection is being recovered or replaced, they wait and are sent when
 * it is back. An operation written before a drop is sent again with the same ack id after a recovery (the service
 * de-duplicates: the stage then completes with {@link WebPubSubResult#duplicated()}), at most
 * {@link WebPubSubClientBuilder#maxSendRetries(int)} times; when the connection is lost instead, the stage fails
 * with a {@link WebPubSubClientException} saying the outcome is unknown. Bad arguments throw
 * {@link NullPointerException} or {@link IllegalArgumentException} naming the parameter, before anything is sent;
 * operations on a stopped client fail their stage with {@link IllegalStateException}.
 *
 * <p><b>Threads.</b> Thread-safe: any thread may call any method. Stages complete and listeners run on the event
 * executor, never on the WebSocket's reader; it is safe to block on an operation's stage inside a listener.
 */
public interface WebPubSubClient extends AutoCloseable {

    /**
     * Opens the connection. Completes when the service sent {@code connected}, after
     * {@link WebPubSubClientListener#onConnected}; fails with a
     * {@link WebPubSubClientException} when the credential fails, the handshake is refused or no {@code connected}
     * arrives within the connect timeout (no reconnect follows a failed start). On a started client it returns the
     * stage of the current start. Fails with {@link IllegalStateException} while stopping.
     */
    CompletionStage<Void> start();

    /**
     * Closes the connection and fails the operations still waiting. Completes once the WebSocket is closed (aborted
     * if the service does not answer the close frame within the connect timeout), after
     * {@link WebPubSubClientListener#onStopped()}. Idempotent.
     */
    CompletionStage<Void> stop();

    /** {@link #stop()} and wait for it, at most the connect timeout. */
    @Override
    void close();

    /**
     * Joins a group ({@code webpubsub.joinLeaveGroup[.<group>]} role needed). With auto-rejoin (default) the group is
     * joined again on every new connection until {@link #leaveGroup(String)}.
     *
     * @throws NullPointerException     naming {@code group}
     * @throws IllegalArgumentException when {@code group} is empty
     */
    CompletionStage<WebPubSubResult> joinGroup(String group);

    /** {@link #joinGroup(String)} with a given ack id; {@code null} assigns one. */
    CompletionStage<WebPubSubResult> joinGroup(String group, Long ackId);

    /** Leaves a group; see {@link #joinGroup(String)}. */
    CompletionStage<WebPubSubResult> leaveGroup(String group);

    /** {@link #leaveGroup(String)} with a given ack id; {@code null} assigns one. */
    CompletionStage<WebPubSubResult> leaveGroup(String group, Long ackId);

    /** {@link #sendToGroup(String, WebPubSubData, SendToGroupOptions)} with default options. */
    CompletionStage<WebPubSubResult> sendToGroup(String group, WebPubSubData content);

    /**
     * Publishes to a group ({@code webpubsub.sendToGroup[.<group>]} role needed; the sender need not be a member).
     *
     * @throws NullPointerException     naming {@code group}, {@code content} or {@code options}
     * @throws IllegalArgumentException naming {@code group} when empty, {@code content} when the frame would exceed
     *                                  the maximum message size, {@code ackId} when combined with fire-and-forget or
     *                                  already used by an operation in flight
     */
    CompletionStage<WebPubSubResult> sendToGroup(String group, WebPubSubData content, SendToGroupOptions options);

    /** {@link #sendEvent(String, WebPubSubData, SendEventOptions)} with default options. */
    CompletionStage<WebPubSubResult> sendEvent(String event, WebPubSubData content);

    /**
     * Sends an event to the app's event handler ({@code azure.webpubsub.user.<event>}); its reply, if any, arrives
     * as a {@link ServerMessage} (the service sends it before the ack, but listeners and stages run on different
     * threads, so do not rely on their order). Validation as for sendToGroup, naming {@code event}.
     */
    CompletionStage<WebPubSubResult> sendEvent(String event, WebPubSubData content, SendEventOptions options);

    /** Adds a listener (effective for the next event); the same instance twice is called twice. */
    void addListener(WebPubSubClientListener listener);

    /** Removes one registration of a listener; unknown listeners are ignored. */
    void removeListener(WebPubSubClientListener listener);

    /** Where the client is in its life. */
    WebPubSubClientState state();

    /** The current connection's id, or {@code null} when not connected yet or stopped. */
    String connectionId();

    /** The current connection's user id, or {@code null} (anonymous, not connected or stopped). */
    String userId();
}
