package io.webpubsub.mp;

/**
 * The service answered 401 Unauthorized or 403 Forbidden: the access key, token or Entra ID role is wrong, expired or
 * insufficient. Check the configured key or credential; retrying does not help.
 *
 * @since 0.1.0
 */
public class WebPubSubAuthenticationException extends WebPubSubServiceException {

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
    public WebPubSubAuthenticationException(String message, int statusCode, String errorCode, String serviceMessage,
            String request) {
        super(message, statusCode, errorCode, serviceMessage, request, null, null);
    }
}
