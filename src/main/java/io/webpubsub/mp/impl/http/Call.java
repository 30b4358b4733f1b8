package io.webpubsub.mp.impl.http;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One operation, ready to run (and re-run on retry): its arguments are already checked. Its request line is
 * only needed when something fails, so it may be given as a supplier: building it (percent-encoding the path
 * values) on every call would be paid by every successful call too.
 *
 * @param <T> the result type
 */
public final class Call<T> {

    private final String operation;
    private final Supplier<String> requestLine;
    private final boolean send;
    private final Supplier<T> attempt;
    private final Supplier<CompletionStage<T>> asyncAttempt;
    private String request;

    /**
     * @param operation the operation name for telemetry, e.g. {@code sendToGroup}; null for local work (no span)
     * @param request computes {@code METHOD URL-without-query}, for failures without a response; called at most
     *        once
     * @param send whether the operation delivers a message (not idempotent)
     * @param attempt performs one attempt, blocking
     * @param asyncAttempt starts one attempt without blocking, or null when the operation has no asynchronous form
     *        (asynchronous callers then run {@code attempt} on an executor)
     */
    public Call(String operation, Supplier<String> request, boolean send, Supplier<T> attempt,
            Supplier<CompletionStage<T>> asyncAttempt) {
        this.operation = operation;
        this.requestLine = request;
        this.send = send;
        this.attempt = attempt;
        this.asyncAttempt = asyncAttempt;
    }

    /**
     * A call without an asynchronous form.
     *
     * @param operation the operation name for telemetry, or null
     * @param request {@code METHOD URL-without-query}, for failures
     * @param send whether the operation delivers a message
     * @param attempt performs one attempt
     */
    public Call(String operation, String request, boolean send, Supplier<T> attempt) {
        this(operation, () -> request, send, attempt, null);
    }

    /**
     * A call without telemetry (local work).
     *
     * @param request {@code METHOD URL-without-query}, for failures
     * @param send whether the operation delivers a message
     * @param attempt performs one attempt
     */
    public Call(String request, boolean send, Supplier<T> attempt) {
        this(null, () -> request, send, attempt, null);
    }

    /** @return the operation name for telemetry, or null for local work */
    public String operation() {
        return operation;
    }

    /** @return {@code METHOD URL-without-query}, for failures without a response */
    public synchronized String request() {
        if (request == null) {
            request = requestLine.get();
        }
        return request;
    }

    /** @return whether the operation delivers a message (not idempotent) */
    public boolean send() {
        return send;
    }

    /** @return performs one attempt, blocking */
    public Supplier<T> attempt() {
        return attempt;
    }

    /** @return starts one attempt without blocking, or null when the operation has no asynchronous form */
    public Supplier<CompletionStage<T>> asyncAttempt() {
        return asyncAttempt;
    }
}
