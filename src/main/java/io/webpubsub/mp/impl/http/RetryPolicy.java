package io.webpubsub.mp.impl.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleSupplier;

import io.webpubsub.mp.WebPubSubServiceException;
import io.webpubsub.mp.models.RetryOptions;

/**
 * Decides whether a failed attempt is retried and after how long; see {@link RetryOptions} for the rules.
 */
public final class RetryPolicy {

    private static final Set<Integer> RETRIED = Set.of(408, 429, 500, 502, 503, 504);
    private static final Set<Integer> NOT_PROCESSED = Set.of(429, 503);

    private final int maxRetries;
    private final Duration delay;
    private final Duration maxDelay;
    private final DoubleSupplier random;

    /**
     * @param options the settings
     * @param random a source of values in [0, 1) for the jitter
     */
    public RetryPolicy(RetryOptions options, DoubleSupplier random) {
        this.maxRetries = options.getMaxRetries();
        this.delay = options.getDelay();
        this.maxDelay = options.getMaxDelay();
        this.random = random;
    }

    /**
     * What happens after a failed attempt.
     *
     * @param delay the wait before the next attempt, or null to stop
     * @param failure the exception to raise when stopping
     */
    public record Step(Duration delay, RuntimeException failure) {
    }

    /**
     * @param call the operation
     * @param retriesDone how many retries already ran
     * @param error what the attempt threw
     * @return retry after a delay, or fail
     */
    public Step decide(Call<?> call, int retriesDone, RuntimeException error) {
        WebPubSubServiceException failure = asServiceException(call, error);
        if (failure == null) {
            return new Step(null, error);
        }
        boolean io = failure.getStatusCode() == 0;
        boolean notProcessed = io ? notSent(failure.getCause()) : NOT_PROCESSED.contains(failure.getStatusCode());
        boolean retriable = io ? hasIoCause(failure.getCause()) : RETRIED.contains(failure.getStatusCode());
        if (call.send() && retriable && !notProcessed) {
            return new Step(null, Exceptions.deliveryUnknown(failure));
        }
        if (!retriable || retriesDone >= maxRetries) {
            return new Step(null, failure);
        }
        Duration wait = failure.getRetryAfter().orElseGet(() -> backoff(retriesDone));
        return wait.compareTo(maxDelay) > 0 ? new Step(null, failure) : new Step(wait, null);
    }

    /**
     * The exponential delay before retry {@code retriesDone + 1}: {@code delay × 2^retriesDone}, jittered ±20 %,
     * capped at {@code maxDelay}.
     *
     * @param retriesDone retries already run
     * @return the delay
     */
    Duration backoff(int retriesDone) {
        double factor = Math.pow(2, Math.min(retriesDone, 30)) * (0.8 + 0.4 * random.getAsDouble());
        double millis = Math.min(delay.toMillis() * factor, maxDelay.toMillis());
        return Duration.ofMillis(Math.round(millis));
    }

    private static WebPubSubServiceException asServiceException(Call<?> call, RuntimeException error) {
        if (error instanceof WebPubSubServiceException service) {
            return service;
        }
        for (Throwable t = error.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof WebPubSubServiceException service) {
                return service;
            }
        }
        return error instanceof jakarta.ws.rs.ProcessingException || hasIoCause(error)
                ? Exceptions.noResponse(call.request(), error) : null;
    }

    private static boolean hasIoCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** Failures that happen before a request can reach the service. */
    private static boolean notSent(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return true;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            boolean timeout = t instanceof SocketTimeoutException || t instanceof InterruptedIOException;
            if (timeout && (message.contains("connect") || t.getClass().getSimpleName().contains("Connect"))) {
                return true;
            }
        }
        return false;
    }
}
