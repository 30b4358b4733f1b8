package io.webpubsub.mp.impl.http;

import java.time.Duration;

import io.webpubsub.mp.WebPubSubAuthenticationException;
import io.webpubsub.mp.WebPubSubDeliveryUnknownException;
import io.webpubsub.mp.WebPubSubNotFoundException;
import io.webpubsub.mp.WebPubSubServiceException;

/** Builds the library's exceptions with uniform messages. */
public final class Exceptions {

    static final String MAYBE_DELIVERED = " The message may have been delivered: a send is not retried after such a"
            + " failure, to avoid duplicates.";

    private Exceptions() {
    }

    /**
     * The exception for an error response.
     *
     * @param status the HTTP status
     * @param errorCode the service's code, or null
     * @param serviceMessage the service's message, or null
     * @param request {@code METHOD URL}
     * @param retryAfter the requested wait, or null
     * @return the exception, of the subtype for 401/403 and 404
     */
    public static WebPubSubServiceException forStatus(int status, String errorCode, String serviceMessage,
            String request, Duration retryAfter) {
        String message = request + " failed with status " + status + (errorCode == null ? "" : " " + errorCode)
                + (serviceMessage == null ? "" : ": " + serviceMessage);
        return switch (status) {
            case 401, 403 -> new WebPubSubAuthenticationException(message, status, errorCode, serviceMessage, request);
            case 404 -> new WebPubSubNotFoundException(message, status, errorCode, serviceMessage, request);
            default -> new WebPubSubServiceException(message, status, errorCode, serviceMessage, request, retryAfter,
                    null);
        };
    }

    /**
     * The exception for a request that got no response.
     *
     * @param request {@code METHOD URL}
     * @param cause what failed
     * @return the exception, with status 0
     */
    public static WebPubSubServiceException noResponse(String request, Throwable cause) {
        return new WebPubSubServiceException(request + " failed without a response: " + describe(cause), 0, null,
                null, request, null, cause);
    }

    /**
     * Re-raises a send failure whose outcome is unknown.
     *
     * @param failure the failure
     * @return the same information as {@link WebPubSubDeliveryUnknownException}
     */
    static WebPubSubDeliveryUnknownException deliveryUnknown(WebPubSubServiceException failure) {
        String base = failure.getMessage();
        return new WebPubSubDeliveryUnknownException(base + (base.endsWith(".") ? "" : ".") + MAYBE_DELIVERED,
                failure.getStatusCode(), failure.getErrorCode().orElse(null),
                failure.getServiceMessage().orElse(null), failure.getRequest(), failure.getRetryAfter().orElse(null),
                failure.getCause() == null ? failure : failure.getCause());
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
