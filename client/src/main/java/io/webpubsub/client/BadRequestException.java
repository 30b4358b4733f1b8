package io.webpubsub.client;

/** Ack error {@code BadRequest}: the service found the request malformed. */
public class BadRequestException extends AckException {

    private static final long serialVersionUID = 1L;

    /** @see AckException#AckException(long, String, String) */
    public BadRequestException(long ackId, String errorMessage) {
        super(ackId, "BadRequest", errorMessage);
    }
}
