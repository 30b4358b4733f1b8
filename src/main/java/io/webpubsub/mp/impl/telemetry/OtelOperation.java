package io.webpubsub.mp.impl.telemetry;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.webpubsub.mp.WebPubSubDeliveryUnknownException;
import io.webpubsub.mp.WebPubSubServiceException;

/**
 * One hub operation: a CLIENT span and one duration point; its attempts run (one after the other) on the calling
 * thread or on the async executor.
 */
final class OtelOperation implements Telemetry.Operation {

    /** The operation whose attempt runs on this thread, for {@link TraceContextFilter}'s response status. */
    static final ThreadLocal<OtelOperation> CURRENT = new ThreadLocal<>();

    private final OtelClients clients;
    private final Context context;
    private final Span span;
    private final Attributes metricAttributes;
    private final long startNanos = System.nanoTime();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile int lastStatus;

    OtelOperation(OtelClients clients, Context context, Span span, Attributes metricAttributes) {
        this.clients = clients;
        this.context = context;
        this.span = span;
        this.metricAttributes = metricAttributes;
    }

    @Override
    public Telemetry.Attempt attempt() {
        attempts.incrementAndGet();
        lastStatus = 0;
        Scope scope = context.makeCurrent();
        OtelOperation outer = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            CURRENT.set(outer);
            scope.close();
        };
    }

    /** @param status the HTTP status of the current attempt's response */
    void status(int status) {
        lastStatus = status;
    }

    @Override
    public void retry(RuntimeException cause, Duration delay) {
        clients.retries.add(1, metricAttributes);
        int status = status(cause);
        span.addEvent("webpubsub.retry", Attributes.of(Names.ERROR_TYPE, errorType(cause, status)));
    }

    @Override
    public void end(Throwable failure) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        int status = status(failure);
        String outcome = outcome(failure);
        span.setAttribute(Names.ATTEMPTS, (long) attempts.get());
        span.setAttribute(Names.OUTCOME, outcome);
        if (status > 0) {
            span.setAttribute(Names.STATUS, (long) status);
        }
        AttributesBuilder point = metricAttributes.toBuilder().put(Names.OUTCOME, outcome);
        if (failure != null) {
            String errorType = errorType(failure, status);
            span.setAttribute(Names.ERROR_TYPE, errorType);
            span.setStatus(StatusCode.ERROR);
            point.put(Names.ERROR_TYPE, errorType);
        }
        if (Names.DELIVERY_UNKNOWN_OUTCOME.equals(outcome)) {
            clients.deliveryUnknown.add(1, metricAttributes);
        }
        clients.duration.record((System.nanoTime() - startNanos) / 1e9, point.build());
        span.end();
    }

    private int status(Throwable failure) {
        return failure instanceof WebPubSubServiceException service && service.getStatusCode() > 0
                ? service.getStatusCode() : lastStatus;
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return Names.SUCCESS;
        }
        if (failure instanceof WebPubSubDeliveryUnknownException) {
            return Names.DELIVERY_UNKNOWN_OUTCOME;
        }
        return failure instanceof CancellationException ? Names.CANCELLED : Names.FAILURE;
    }

    /** The status code when there was a response (the HTTP convention), else the I/O failure's class. */
    static String errorType(Throwable failure, int status) {
        if (status > 0) {
            return Integer.toString(status);
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return t.getClass().getName();
            }
        }
        return failure.getClass().getName();
    }
}
