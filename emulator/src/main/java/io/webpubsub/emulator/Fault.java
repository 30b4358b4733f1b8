package io.webpubsub.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fault to inject into a running emulator with {@link WebPubSubEmulator#inject(Fault)}, so that app tests can
 * prove how they cope with a throttled, failing or slow service or event handler. Immutable: each method returns a
 * new fault.
 *
 * <pre>{@code
 * emulator.inject(Fault.rest("sendToAll").status(429).retryAfter(Duration.ofSeconds(1)).times(2));
 * emulator.inject(Fault.rest("*").delay(Duration.ofMillis(300)));
 * emulator.inject(Fault.rest("addConnectionToGroup").reset().once());
 * emulator.inject(Fault.upstream("message").status(500).once());
 * emulator.inject(Fault.upstream("connect").delay(Duration.ofSeconds(2)).hub("chat"));
 * }</pre>
 *
 * A fault applies to every matching call until {@link WebPubSubEmulator#clearFaults()} unless limited with
 * {@link #times(int)} or {@link #once()}. When several faults match a call, the one injected first applies.
 */
public final class Fault {
    final boolean rest;
    final Set<String> names;
    final String hub;
    final int status;
    final Duration retryAfter;
    final Duration delay;
    final boolean reset;
    final int times;

    private Fault(boolean rest, Set<String> names, String hub, int status, Duration retryAfter, Duration delay,
                  boolean reset, int times) {
        this.rest = rest;
        this.names = names;
        this.hub = hub;
        this.status = status;
        this.retryAfter = retryAfter;
        this.delay = delay;
        this.reset = reset;
        this.times = times;
    }

    /**
     * A fault of REST operations, named by their operation id in the Web PubSub REST API without the
     * {@code WebPubSub_} prefix, in any case: {@code sendToAll}, {@code sendToGroup}, {@code sendToUser},
     * {@code sendToConnection}, {@code addConnectionToGroup}, {@code generateClientToken}, …
     * ({@code getServiceStatus} for the health check); {@code "*"} for all. Unknown names are refused by {@link
     * WebPubSubEmulator#inject(Fault)}.
     */
    public static Fault rest(String... operations) {
        return new Fault(true, names(operations, "operations"), null, 0, null, null, false, -1);
    }

    /**
     * A fault of calls to event handlers, named by event: {@code connect}, {@code connected}, {@code disconnected}
     * or a user event's name such as {@code message}; {@code "*"} for all. Each attempt counts: a failed call is
     * retried as configured with {@link WebPubSubEmulator.Builder#upstreamRetryDelays(List)}.
     */
    public static Fault upstream(String... events) {
        return new Fault(false, names(events, "events"), null, 0, null, null, false, -1);
    }

    private static Set<String> names(String[] names, String what) {
        if (names == null || names.length == 0) {
            throw new IllegalArgumentException(what + " must name at least one, or \"*\" for all");
        }
        for (String n : names) {
            if (n == null || n.isBlank()) {
                throw new IllegalArgumentException(what + " must not contain null or blank names");
            }
        }
        return List.of(names).stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Only calls about this hub (any case); default every hub. */
    public Fault hub(String hub) {
        Objects.requireNonNull(hub, "hub");
        return new Fault(rest, names, hub, status, retryAfter, delay, reset, times);
    }

    /**
     * Answers with this HTTP status (400 to 599) instead of running the operation; for upstream faults the handler is
     * not called and its answer is taken to be this status (5xx are retried like real failures). REST errors carry the
     * service's JSON error body; 429 carries {@code Retry-After} (1 s unless {@link #retryAfter(Duration)} is set).
     */
    public Fault status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be from 400 to 599, got " + status);
        }
        return new Fault(rest, names, hub, status, retryAfter, delay, false, times);
    }

    /** The {@code Retry-After} of a REST fault's error answer, in whole seconds (at least 1). */
    public Fault retryAfter(Duration retryAfter) {
        if (retryAfter == null || retryAfter.toSeconds() < 1) {
            throw new IllegalArgumentException("retryAfter must be at least 1 second, got " + retryAfter);
        }
        return new Fault(rest, names, hub, status, retryAfter, delay, reset, times);
    }

    /**
     * Waits this long before the call is handled (REST) or sent to the handler (upstream); combined with
     * {@link #status(int)} or {@link #reset()} the failure comes after the wait. No thread is held while waiting.
     */
    public Fault delay(Duration delay) {
        if (delay == null || delay.isNegative() || delay.toMinutes() > 10) {
            throw new IllegalArgumentException("delay must be from 0 to 10 minutes, got " + delay);
        }
        return new Fault(rest, names, hub, status, retryAfter, delay, reset, times);
    }

    /**
     * Drops the TCP connection without an answer (REST), or makes the call to the handler fail as on a network error
     * (upstream). Replaces {@link #status(int)}.
     */
    public Fault reset() {
        return new Fault(rest, names, hub, 0, retryAfter, delay, true, times);
    }

    /** Applies to the next {@code n} matching calls only (at least 1), then is removed. */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + n);
        }
        return new Fault(rest, names, hub, status, retryAfter, delay, reset, n);
    }

    /** Applies to the next matching call only: {@code times(1)}. */
    public Fault once() {
        return times(1);
    }

    @Override
    public String toString() {
        return "Fault[" + (rest ? "rest " : "upstream ") + names + (hub == null ? "" : " in " + hub)
                + (status == 0 ? "" : ", status " + status) + (retryAfter == null ? "" : ", retry after " + retryAfter)
                + (delay == null ? "" : ", delay " + delay) + (reset ? ", reset" : "")
                + (times < 0 ? "" : ", " + times + " time(s)") + "]";
    }
}
