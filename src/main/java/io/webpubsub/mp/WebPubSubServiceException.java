package io.webpubsub.mp;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A call to the Web PubSub service failed: the service answered with an error status, or no answer arrived.
 *
 * <p>Carries the HTTP status ({@code 0} when no response was received, e.g. the connection failed), the
 * service's {@code x-ms-error-code} (for example {@code Info.Connection.NotExisted}), the service's error message,
 * and the request as {@code METHOD URL}. The URL never contains secrets: REST calls carry their token in the
 * {@code Authorization} header, which is never included.
 *
 * <p>Subtypes exist only where a caller acts differently: {@link WebPubSubNotFoundException} (404),
 * {@link WebPubSubAuthenticationException} (401, 403) and {@link WebPubSubDeliveryUnknownException} (a send whose
 * outcome is unknown). Invalid arguments are reported before anything is sent, with
 * {@link IllegalArgumentException} or {@link NullPointerException} naming the parameter.
 *
 * @since 0.1.0
 */
public class WebPubSubServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status, 0 without a response. */
    private final int statusCode;
    /** The service's error code, or null. */
    private final String errorCode;
    /** The service's message, or null. */
    private final String serviceMessage;
    /** {@code METHOD URL}. */
    private final String request;
    /** The requested wait, or null. */
    private final Duration retryAfter;

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
    public WebPubSubServiceException(String message, int statusCode, String errorCode, String serviceMessage,
            String request, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.serviceMessage = serviceMessage;
        this.request = Objects.requireNonNull(request, "request");
        this.retryAfter = retryAfter;
    }

    /**
     * The HTTP status the service answered with.
     *
     * @return the status, or {@code 0} when no response was received (I/O failure, timeout)
     */
    public int getStatusCode() {
        return statusCode;
    }

    /**
     * The service's error code: the {@code x-ms-error-code} header, else the {@code code} of the error body.
     *
     * @return the error code, e.g. {@code Info.Connection.NotExisted}, or empty
     */
    public Optional<String> getErrorCode() {
        return Optional.ofNullable(errorCode);
    }

    /**
     * The service's own error message (the {@code message} of its error body, else the body text).
     *
     * @return the message, or empty when the service sent none
     */
    public Optional<String> getServiceMessage() {
        return Optional.ofNullable(serviceMessage);
    }

    /**
     * The failed request as {@code METHOD URL}, e.g. {@code POST
     * https://demo.webpubsub.azure.com/api/hubs/chat/:send?api-version=2024-12-01}.
     *
     * @return the request line, without secrets
     */
    public String getRequest() {
        return request;
    }

    /**
     * How long the service asked the caller to wait before trying again ({@code Retry-After},
     * {@code retry-after-ms} or {@code x-ms-retry-after-ms}), typically with 429 or 503.
     *
     * @return the wait, or empty when the service gave none
     */
    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
