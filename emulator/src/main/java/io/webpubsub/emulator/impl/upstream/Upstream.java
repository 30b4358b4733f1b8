package io.webpubsub.emulator.impl.upstream;

import io.webpubsub.emulator.EventHandler;
import io.webpubsub.emulator.impl.LiveTrace;
import io.webpubsub.emulator.impl.auth.Jwt;
import io.webpubsub.emulator.impl.fault.FaultRules;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Posts CloudEvents in binary mode to event handlers: abuse-protection handshake before first use (cached),
 * signatures for every access key, retries on 408, 5xx and network errors with the configured delays.
 */
public final class Upstream {
    /** Maximum response body accepted from a handler. */
    public static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration VALIDATION_TTL = Duration.ofMinutes(1);
    private static final Duration MAX_VALIDATION_BACKOFF = Duration.ofMinutes(1);

    private final HttpClient client;
    private final List<String> keys;
    private final java.util.function.Supplier<String> origin;
    private final List<Duration> retryDelays;
    private final Duration timeout;
    private final ScheduledExecutorService scheduler;
    private final LiveTrace trace;
    private final Clock clock;
    private final Map<String, Validation> validations = new ConcurrentHashMap<>();
    private final FaultRules faults;

    /** The hub and connection an event is about. {@code eventId} becomes {@code ce-id}. */
    public record Source(String hub, String connectionId, String userId, String subprotocol, String connectionState,
                         long eventId) {
    }

    /**
     * A handler's answer: {@code status} 0 means no usable answer (network failure, timeout, failed validation).
     * {@code connectionState} is null when the header was absent.
     */
    public record Reply(int status, String contentType, byte[] body, String connectionState) {
        /** Whether the handler answered 2xx. */
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final class Validation {
        volatile CompletableFuture<Boolean> result;
        volatile Instant expires = Instant.MIN;
        volatile Duration backoff = Duration.ofSeconds(1);
    }

    /**
     * @param origin supplies {@code WebHook-Request-Origin}: the emulator endpoint's {@code host:port} (known once the
     *               server listens)
     */
    public Upstream(HttpClient client, List<String> keys, java.util.function.Supplier<String> origin,
            List<Duration> retryDelays, Duration timeout,
                    ScheduledExecutorService scheduler, LiveTrace trace, Clock clock, FaultRules faults) {
        this.faults = faults;
        this.client = client;
        this.keys = List.copyOf(keys);
        this.origin = origin;
        this.retryDelays = List.copyOf(retryDelays);
        this.timeout = timeout;
        this.scheduler = scheduler;
        this.trace = trace;
        this.clock = clock;
    }

    /** The handler URL for an event: placeholders replaced with URL-escaped values. */
    public static String resolve(String template, String hub, String event) {
        return template.replace("{hub}", escape(hub)).replace("{event}", escape(event));
    }

    private static String escape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Posts one event after the handler's URL passed validation.
     *
     * @param ceType      full CloudEvents type, e.g. {@code azure.webpubsub.sys.connect}
     * @param eventName   the {@code ce-eventName}
     * @param contentType body content type
     */
    public CompletableFuture<Reply> post(EventHandler handler, Source source, String ceType, String eventName,
                                         String contentType, byte[] body) {
        String url = resolve(handler.urlTemplate(), source.hub(), eventName);
        String validationUrl = resolve(handler.urlTemplate(), source.hub(), "validate");
        return validate(validationUrl).thenCompose(valid -> {
            if (!valid) {
                trace.log(source.hub(), "event " + eventName + " of " + source.connectionId() + " not sent: handler "
                        + validationUrl + " failed abuse protection validation");
                return CompletableFuture.completedFuture(new Reply(0, null, new byte[0], null));
            }
            HttpRequest request = eventRequest(url, source, ceType, eventName, contentType, body);
            CompletableFuture<Reply> result = new CompletableFuture<>();
            attempt(request, source, eventName, 0, result);
            return result;
        });
    }

    private HttpRequest eventRequest(String url, Source s, String ceType, String eventName, String contentType,
            byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType)
                .header("WebHook-Request-Origin", origin.get())
                .header("ce-specversion", "1.0")
                .header("ce-awpsversion", "1.0")
                .header("ce-type", ceType)
                .header("ce-source", "/hubs/" + s.hub() + "/client/" + s.connectionId())
                .header("ce-id", Long.toString(s.eventId()))
                .header("ce-time", DateTimeFormatter.ISO_INSTANT.format(clock.instant()
                        .truncatedTo(ChronoUnit.SECONDS)))
                .header("ce-signature", signature(s.connectionId()))
                .header("ce-connectionId", s.connectionId())
                .header("ce-hub", s.hub())
                .header("ce-eventName", eventName);
        if (s.userId() != null) {
            b.header("ce-userId", s.userId());
        }
        if (s.subprotocol() != null) {
            b.header("ce-subprotocol", s.subprotocol());
        }
        if (s.connectionState() != null) {
            b.header("ce-connectionState", s.connectionState());
        }
        return b.build();
    }

    /** {@code sha256=<hex>} for each key, comma-separated. */
    public String signature(String connectionId) {
        return keys.stream().map(k -> "sha256=" + HexFormat.of().formatHex(Jwt.hmac(k, connectionId)))
                .collect(Collectors.joining(","));
    }

    /** What one attempt got: a response, or {@code failure} (network error, timeout, injected reset). */
    private record Outcome(int status, String contentType, byte[] body, String connectionState, Throwable failure) {
        static Outcome of(HttpResponse<byte[]> response) {
            List<String> states = response.headers().allValues("ce-connectionState");
            return new Outcome(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), states.isEmpty() ? null : states.get(states.size() - 1), null);
        }
    }

    private void attempt(HttpRequest request, Source source, String eventName, int attempt,
            CompletableFuture<Reply> result) {
        FaultRules.Rule fault = faults.take(FaultRules.Target.UPSTREAM, eventName, source.hub());
        if (fault != null && fault.delay() != null && !fault.delay().isZero()) {
            scheduler.schedule(() -> call(request, fault).whenComplete((outcome, failure) ->
                            complete(request, source, eventName, attempt, result, outcome)),
                    fault.delay().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            call(request, fault).whenComplete((outcome, failure) ->
                    complete(request, source, eventName, attempt, result, outcome));
        }
    }

    private CompletableFuture<Outcome> call(HttpRequest request, FaultRules.Rule fault) {
        if (fault != null && fault.reset()) {
            return CompletableFuture.completedFuture(new Outcome(0, null, null, null,
                    new java.io.IOException("Injected connection reset")));
        }
        if (fault != null && fault.status() > 0) {
            return CompletableFuture.completedFuture(new Outcome(fault.status(), null, new byte[0], null, null));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> failure != null ? new Outcome(0, null, null, null, failure)
                        : Outcome.of(response));
    }

    private void complete(HttpRequest request, Source source, String eventName, int attempt,
                          CompletableFuture<Reply> result, Outcome o) {
        Throwable failure = o.failure();
        boolean retriable = failure != null || o.status() == 408 || o.status() >= 500;
        String outcome = failure != null ? "failed (" + failure.getClass().getSimpleName() + ")" : "-> " + o.status();
        trace.log(source.hub(), "upstream " + request.method() + " " + eventName + " of " + source.connectionId()
                + " attempt " + (attempt + 1) + " " + outcome);
        if (retriable && attempt < retryDelays.size()) {
            scheduler.schedule(() -> attempt(request, source, eventName, attempt + 1, result),
                    retryDelays.get(attempt).toMillis(), TimeUnit.MILLISECONDS);
        } else if (failure != null || o.body().length > MAX_RESPONSE_BYTES) {
            result.complete(new Reply(0, null, new byte[0], null));
        } else {
            result.complete(new Reply(o.status(), o.contentType(), o.body(), o.connectionState()));
        }
    }

    /** Abuse protection: OPTIONS, GET when OPTIONS gives 404; cached 1 min, backoff 1 s…1 min on failure. */
    CompletableFuture<Boolean> validate(String url) {
        Validation v = validations.computeIfAbsent(url, k -> new Validation());
        synchronized (v) {
            Instant now = clock.instant();
            if (v.result != null && (!v.result.isDone() || now.isBefore(v.expires))) {
                return v.result;
            }
            v.result = handshake(url, "OPTIONS").thenCompose(status -> status == 404 ? handshake(url, "GET")
                    : CompletableFuture.completedFuture(status)).thenApply(status -> {
                boolean ok = status == 1;
                synchronized (v) {
                    if (ok) {
                        v.expires = clock.instant().plus(VALIDATION_TTL);
                        v.backoff = Duration.ofSeconds(1);
                    } else {
                        v.expires = clock.instant().plus(v.backoff);
                        Duration next = v.backoff.multipliedBy(2);
                        v.backoff = next.compareTo(MAX_VALIDATION_BACKOFF) > 0 ? MAX_VALIDATION_BACKOFF : next;
                    }
                }
                return ok;
            });
            return v.result;
        }
    }

    /** Returns 1 when allowed, 404 for "not found", another value otherwise. */
    private CompletableFuture<Integer> handshake(String url, String method) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(VALIDATION_TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("WebHook-Request-Origin", origin.get())
                .header("ce-awpsversion", "1.0")
                .build();
        String requestOrigin = origin.get();
        String host = requestOrigin.contains(":") ? requestOrigin.substring(0, requestOrigin.lastIndexOf(':'))
                : requestOrigin;
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            if (failure != null) {
                trace.log(null, "abuse protection " + method + " " + url + " failed (" + failure.getClass()
                        .getSimpleName() + ")");
                return -1;
            }
            int status = response.statusCode();
            boolean allowed = status >= 200 && status < 300 && response.headers().allValues("WebHook-Allowed-Origin")
                    .stream()
                    .flatMap(h -> List.of(h.split(",")).stream()).map(String::trim)
                    .anyMatch(o -> o.equals("*") || o.equalsIgnoreCase(requestOrigin) || o.equalsIgnoreCase(host));
            trace.log(null, "abuse protection " + method + " " + url + " -> " + status + (allowed ? " (allowed)"
                    : " (refused)"));
            return allowed ? 1 : status == 404 ? 404 : status;
        });
    }

}
