package io.webpubsub.client;

/** Options of {@link WebPubSubClient#sendEvent(String, WebPubSubData, SendEventOptions)}. Not thread-safe. */
public final class SendEventOptions {

    private boolean fireAndForget;
    private Long ackId;

    /** Default: wait for the ack (sent after the event handler answered), ack id assigned by the client. */
    public SendEventOptions() {
    }

    /** {@code true}: send without an ack id; the stage completes once the frame is written. Default {@code false}. */
    public SendEventOptions setFireAndForget(boolean fireAndForget) {
        this.fireAndForget = fireAndForget;
        return this;
    }

    /** The ack id to send with; {@code null} (default) lets the client assign one. */
    public SendEventOptions setAckId(Long ackId) {
        this.ackId = ackId;
        return this;
    }

    /** @see #setFireAndForget(boolean) */
    public boolean isFireAndForget() {
        return fireAndForget;
    }

    /** @see #setAckId(Long) */
    public Long getAckId() {
        return ackId;
    }
}
