package io.webpubsub.mp.impl.telemetry;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

import io.webpubsub.mp.impl.config.Keys;

/**
 * The upstream endpoint's spans and counters. Header values come from an unauthenticated caller until the
 * signature is checked: span attributes are cut to {@link #MAX_VALUE} characters, and metric attributes take only
 * known hubs and event types ({@code _OTHER} otherwise), so a caller cannot grow the number of time series.
 */
final class OtelUpstream implements Telemetry.Upstream {

    static final int MAX_VALUE = 256;
    private static final String SYSTEM_PREFIX = Keys.SYSTEM_EVENT_TYPE_PREFIX;
    private static final String USER_PREFIX = Keys.USER_EVENT_TYPE_PREFIX;
    private static final List<String> SYSTEM_EVENTS = Keys.SYSTEM_EVENTS;

    private final OpenTelemetry otel;
    private final Predicate<String> enabled;
    private final Tracer tracer;
    private final LongCounter events;
    private final LongCounter signaturesRejected;
    /** {@code telemetry.enabled} per handled hub ("" for the others), read once. */
    private final Map<String, Boolean> enabledHubs = new ConcurrentHashMap<>();

    OtelUpstream(OpenTelemetry otel, Predicate<String> enabled) {
        this.otel = otel;
        this.enabled = enabled;
        this.tracer = otel.getTracer(Names.SCOPE);
        Meter meter = otel.getMeter(Names.SCOPE);
        this.events = meter.counterBuilder(Names.UPSTREAM_EVENTS).setUnit("{event}")
                .setDescription("Upstream event requests received from Web PubSub, by hub, type and outcome").build();
        this.signaturesRejected = meter.counterBuilder(Names.SIGNATURES_REJECTED).setUnit("{event}")
                .setDescription("Upstream event requests refused for a missing or wrong ce-signature").build();
    }

    @Override
    public Telemetry.Event start(Map<String, List<String>> headers, Predicate<String> knownHub) {
        String hub = header(headers, "ce-hub");
        boolean known = hub != null && knownHub.test(hub);
        if (!enabledHubs.computeIfAbsent(known ? hub : "", h -> enabled.test(h.isEmpty() ? null : h))) {
            return status -> { };
        }
        String type = header(headers, "ce-type");
        String eventType = eventType(type);
        SpanBuilder builder = tracer.spanBuilder("WebPubSub.upstream " + eventType).setSpanKind(SpanKind.CONSUMER)
                .setParent(parent(headers)).setAttribute(Names.AZ_NAMESPACE, Names.NAMESPACE)
                .setAttribute(Names.EVENT_TYPE, eventType);
        put(builder, Names.HUB, hub);
        put(builder, Names.CONNECTION_ID, header(headers, "ce-connectionid"));
        put(builder, Names.CE_TYPE, type);
        put(builder, Names.CE_ID, header(headers, "ce-id"));
        put(builder, Names.CE_SOURCE, header(headers, "ce-source"));
        Span span = builder.startSpan();
        Scope scope = span.makeCurrent();
        Attributes metric = Attributes.of(Names.HUB, known ? hub : Names.OTHER, Names.EVENT_TYPE, eventType);
        return status -> {
            scope.close();
            end(span, metric, status);
        };
    }

    private void end(Span span, Attributes metric, int status) {
        String outcome = status < 400 ? Names.SUCCESS : status < 500 ? Names.REJECTED : Names.FAILURE;
        span.setAttribute(Names.STATUS, (long) status).setAttribute(Names.OUTCOME, outcome);
        if (status >= 400) {
            span.setAttribute(Names.ERROR_TYPE, Integer.toString(status));
        }
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        events.add(1, metric.toBuilder().put(Names.OUTCOME, outcome).build());
        if (status == 401) {
            signaturesRejected.add(1, Attributes.of(Names.HUB, metric.get(Names.HUB)));
        }
        span.end();
    }

    /**
     * The runtime's current span (its HTTP server span) when there is one, else the trace context the request
     * carries.
     */
    private Context parent(Map<String, List<String>> headers) {
        Context current = Context.current();
        if (Span.fromContext(current).getSpanContext().isValid()) {
            return current;
        }
        return otel.getPropagators().getTextMapPropagator().extract(current, headers, HEADERS);
    }

    /** {@code connect}, {@code connected}, … for system events, {@code user} for user events, else {@code _OTHER}. */
    static String eventType(String type) {
        if (type == null) {
            return Names.OTHER;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.startsWith(USER_PREFIX)) {
            return "user";
        }
        String system = lower.startsWith(SYSTEM_PREFIX) ? lower.substring(SYSTEM_PREFIX.length()) : "";
        return SYSTEM_EVENTS.contains(system) ? system : Names.OTHER;
    }

    private static void put(SpanBuilder builder, io.opentelemetry.api.common.AttributeKey<String> key, String value) {
        if (value != null) {
            builder.setAttribute(key, value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value);
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * Reads the request headers for the propagator. A proxy rather than a class of the jar: no class of the library
     * may have an OpenTelemetry type as a supertype, because containers that load every class of a bean archive
     * (Arquillian's Weld embedded, for one) would fail to define it without the API on the class path.
     */
    @SuppressWarnings("unchecked")
    private static final TextMapGetter<Map<String, List<String>>> HEADERS = (TextMapGetter<Map<String, List<String>>>)
            Proxy.newProxyInstance(OtelUpstream.class.getClassLoader(), new Class<?>[] {TextMapGetter.class},
                    OtelUpstream::getter);

    @SuppressWarnings("unchecked")
    private static Object getter(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        return switch (method.getName()) {
            case "keys" -> ((Map<String, List<String>>) args[0]).keySet();
            case "get" -> args[0] == null ? null
                    : header((Map<String, List<String>>) args[0], ((String) args[1]).toLowerCase(Locale.ROOT));
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> "upstream request headers";
        };
    }
}
