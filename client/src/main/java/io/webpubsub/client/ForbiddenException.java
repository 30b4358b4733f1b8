package io.webpubsub.client;

/**
 * Ack error {@code Forbidden}: the connection lacks the permission (role) for the operation, e.g.
 * {@code webpubsub.sendToGroup.<group>}.
 */
public class ForbiddenException extends AckException {

    private static final long serialVersionUID = 1L;

    /** @see AckException#AckException(long, String, String) */
    public ForbiddenException(long ackId, String errorMessage) {
        super(ackId, "Forbidden", errorMessage);
    }
}
