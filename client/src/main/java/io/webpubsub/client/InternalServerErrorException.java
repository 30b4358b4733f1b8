package io.webpubsub.client;

/**
 * Ack error {@code InternalServerError}: the service failed, e.g. the event handler of a {@code sendEvent} failed
 * or timed out.
 */
public class InternalServerErrorException extends AckException {

    private static final long serialVersionUID = 1L;

    /** @see AckException#AckException(long, String, String) */
    public InternalServerErrorException(long ackId, String errorMessage) {
        super(ackId, "InternalServerError", errorMessage);
    }
}
