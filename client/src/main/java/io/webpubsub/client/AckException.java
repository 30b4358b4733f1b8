package io.webpubsub.client;

/**
 * The service acknowledged an operation with an error. Subtypes for the documented error names
 * ({@link ForbiddenException}, {@link BadRequestException}, {@link InternalServerErrorException}); other names
 * arrive as this type. ({@code Duplicate} is not an error: see {@link WebPubSubResult#duplicated()}.)
 */
public class AckException extends WebPubSubClientException {

    private static final long serialVersionUID = 1L;
    private final String errorName;
    private final String errorMessage;

    /**
     * @param ackId        the operation's ack id
     * @param errorName    the ack's {@code error.name}
     * @param errorMessage the ack's {@code error.message}, may be {@code null}
     */
    public AckException(long ackId, String errorName, String errorMessage) {
        super("The service refused ackId " + ackId + ": " + errorName
                + (errorMessage == null ? "" : " (" + errorMessage + ")"), ackId, null);
        this.errorName = errorName;
        this.errorMessage = errorMessage;
    }

    /** The ack's {@code error.name}, e.g. {@code Forbidden}. */
    public String getErrorName() {
        return errorName;
    }

    /** The ack's {@code error.message}, or {@code null}. */
    public String getErrorMessage() {
        return errorMessage;
    }
}
