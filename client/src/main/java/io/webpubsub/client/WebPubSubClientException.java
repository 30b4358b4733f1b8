package io.webpubsub.client;

/**
 * An operation did not complete: the client was stopped, the connection ended before the service acknowledged it
 * ({@link #getAckId()} says which), or a connection could not be opened. Unchecked; stages complete exceptionally
 * with it.
 */
public class WebPubSubClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final Long ackId;

    /**
     * @param message what happened, never a secret
     * @param ackId   the operation's ack id, or {@code null}
     * @param cause   the underlying failure, or {@code null}
     */
    public WebPubSubClientException(String message, Long ackId, Throwable cause) {
        super(message, cause);
        this.ackId = ackId;
    }

    /** The ack id of the operation that failed, or {@code null} (fire-and-forget, or not an operation). */
    public Long getAckId() {
        return ackId;
    }
}
