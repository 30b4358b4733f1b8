package io.webpubsub.mp.impl.http;

import java.util.function.Supplier;

/**
 * One operation, ready to run (and re-run on retry): its arguments are already checked.
 *
 * @param request {@code METHOD URL-without-query}, for failures without a response
 * @param send whether the operation delivers a message (not idempotent)
 * @param attempt performs one attempt
 * @param <T> the result type
 */
public record Call<T>(String request, boolean send, Supplier<T> attempt) {
}
