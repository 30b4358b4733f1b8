package io.webpubsub.client;

/** Options of {@link WebPubSubClient#sendToGroup(String, WebPubSubData, SendToGroupOptions)}. Not thread-safe. */
public final class SendToGroupOptions {

    private boolean noEcho;
    private boolean fireAndForget;
    private Long ackId;

    /** Default: echo to the sender too, wait for the ack, ack id assigned by the client. */
    public SendToGroupOptions() {
    }

    /** {@code true}: the message is not delivered back to this connection. Default {@code false}. */
    public SendToGroupOptions setNoEcho(boolean noEcho) {
        this.noEcho = noEcho;
        return this;
    }

    /**
     * {@code true}: send without an ack id; the stage completes once the frame is written and service-side errors
     * (e.g. a missing permission) are silent. Cannot be combined with {@link #setAckId(Long)}. Default {@code false}.
     */
    public SendToGroupOptions setFireAndForget(boolean fireAndForget) {
        this.fireAndForget = fireAndForget;
        return this;
    }

    /**
     * The ack id to send with, e.g. to resend a message idempotently after a failure; {@code null} (default) lets the
     * client assign one. Must be unique per connection for distinct messages.
     */
    public SendToGroupOptions setAckId(Long ackId) {
        this.ackId = ackId;
        return this;
    }

    /** @see #setNoEcho(boolean) */
    public boolean isNoEcho() {
        return noEcho;
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
