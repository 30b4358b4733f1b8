package io.webpubsub.mp.impl.http;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One operation, ready to run (and re-run on retry): its arguments are already checked. Its request line is
 * only needed when something fails, so it is given as a supplier: building it (percent-encoding the path values)
 * on every call would be paid by every successful call too.
 *
 * @param operation the operation name for telemetry, e.g. {@code sendToGroup}; null for local work (no span)
 * @param requestLine computes {@code METHOD URL-without-query}, for failures without a response
 * @param send whether the operation delivers a message (not idempotent)
 * @param attempt performs one attempt, blocking
 * @param asyncAttempt starts one attempt without blocking, or null when the operation has no asynchronous form
 *        (asynchronous callers then run {@code attempt} on an executor)
 * @param <T> the result type
 */
public record Call<T>(String operation, Supplier<String> requestLine, boolean send, Supplier<T> attempt,
        Supplier<CompletionStage<T>> asyncAttempt) {

    /**
     * A call without an asynchronous form.
     *
     * @param operation the operation name for telemetry; null for local work
     * @param request {@code METHOD URL-without-query}
     * @param send whether the operation delivers a message
     * @param attempt performs one attempt
     */
    public Call(String operation, String request, boolean send, Supplier<T> attempt) {
        this(operation, () -> request, send, attempt, null);
    }

    /**
     * Local work (no span) without an asynchronous form.
     *
     * @param request {@code METHOD URL-without-query}
     * @param send whether the operation delivers a message
     * @param attempt performs one attempt
     */
    public Call(String request, boolean send, Supplier<T> attempt) {
        this(null, () -> request, send, attempt, null);
    }

    /** @return {@code METHOD URL-without-query}, for failures without a response */
    public String request() {
        return requestLine.get();
    }
}
