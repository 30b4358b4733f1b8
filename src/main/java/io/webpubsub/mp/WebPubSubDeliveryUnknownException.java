package io.webpubsub.mp;

/**
 * A send ({@code sendToAll}, {@code sendToGroup}, {@code sendToUser}, {@code sendToConnection}) failed in a way
 * that leaves open whether the service accepted the message: the connection broke or timed out after the request
 * was sent, or the service answered 408, 500, 502 or 504.
 *
 * <p>Sends are not idempotent, so the library does not retry them in that case; a retry could deliver the message
 * twice. The caller decides: resend (accepting a possible duplicate, e.g. when clients de-duplicate by an id in the
 * message) or give up. Sends are retried automatically only when the message provably did not reach the service
 * (connection refused, unknown host, connect timeout) or the service said it did not process it (429, 503).
 *
 * @since 0.1.0
 */
public class WebPubSubDeliveryUnknownException extends WebPubSubServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the full message
     * @param statusCode the HTTP status, or 0 if no response was received
     * @param errorCode the service's error code, or null
     * @param serviceMessage the service's error message, or null
     * @param request the request as {@code METHOD URL}, without secrets
     * @param retryAfter the wait the service asked for, or null
     * @param cause the cause, or null
     */
    public WebPubSubDeliveryUnknownException(String message, int statusCode, String errorCode,
            String serviceMessage, String request, java.time.Duration retryAfter, Throwable cause) {
        super(message, statusCode, errorCode, serviceMessage, request, retryAfter, cause);
    }
}
