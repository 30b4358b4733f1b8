package io.webpubsub.mp.impl.http;

import java.util.function.Supplier;

/**
 * One operation, ready to run (and re-run on retry): its arguments are already checked.
 *
 * @param operation the operation name for telemetry, e.g. {@code sendToGroup}; null for local work (no span)
 * @param request {@code METHOD URL-without-query}, for failures without a response
 * @param send whether the operation delivers a message (not idempotent)
 * @param attempt performs one attempt
 * @param <T> the result type
 */
public record Call<T>(String operation, String request, boolean send, Supplier<T> attempt) {

    /**
     * A call without telemetry (local work).
     *
     * @param request {@code METHOD URL-without-query}, for failures
     * @param send whether the operation delivers a message
     * @param attempt performs one attempt
     */
    public Call(String request, boolean send, Supplier<T> attempt) {
        this(null, request, send, attempt);
    }
}
