package io.webpubsub.mp;

/**
 * The service answered 404 Not Found: the connection, group, user or permission does not exist.
 * Connection/group/user/permission checks return {@code false} instead of throwing this.
 *
 * @since 0.1.0
 */
public class WebPubSubNotFoundException extends WebPubSubServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the full message
     * @param statusCode the HTTP status
     * @param errorCode the service's error code, or null
     * @param serviceMessage the service's error message, or null
     * @param request the request as {@code METHOD URL}, without secrets
     */
    public WebPubSubNotFoundException(String message, int statusCode, String errorCode, String serviceMessage,
            String request) {
        super(message, statusCode, errorCode, serviceMessage, request, null, null);
    }
}
