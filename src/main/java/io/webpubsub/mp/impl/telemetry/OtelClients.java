package io.webpubsub.mp.impl.telemetry;

import java.net.URI;
import java.util.List;
import java.util.function.Predicate;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/** The hub clients' spans and instruments, shared by every hub of the application. */
final class OtelClients implements Telemetry.Clients {

    /** The OpenTelemetry semantic conventions' advice for durations in seconds. */
    static final List<Double> DURATION_BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0,
            2.5, 5.0, 7.5, 10.0);

    private final OpenTelemetry otel;
    private final Predicate<String> enabled;
    private final Tracer tracer;
    final DoubleHistogram duration;
    final LongCounter retries;
    final LongCounter deliveryUnknown;

    OtelClients(OpenTelemetry otel, Predicate<String> enabled) {
        this.otel = otel;
        this.enabled = enabled;
        this.tracer = otel.getTracer(Names.SCOPE);
        Meter meter = otel.getMeter(Names.SCOPE);
        this.duration = withBuckets(meter.histogramBuilder(Names.OPERATION_DURATION).setUnit("s")
                .setDescription("Duration of Web PubSub hub operations, retries included")).build();
        this.retries = meter.counterBuilder(Names.RETRIES).setUnit("{retry}")
                .setDescription("Retries of Web PubSub hub operations").build();
        this.deliveryUnknown = meter.counterBuilder(Names.DELIVERY_UNKNOWN).setUnit("{operation}")
                .setDescription("Sends whose delivery is unknown: the service may have delivered them").build();
    }

    private static DoubleHistogramBuilder withBuckets(DoubleHistogramBuilder builder) {
        try {
            return builder.setExplicitBucketBoundariesAdvice(DURATION_BUCKETS);
        } catch (NoSuchMethodError olderApi) {
            return builder; // an API before 1.32: the SDK's default buckets (or the runtime's view)
        }
    }

    @Override
    public Telemetry.Hub hub(String hub, String endpoint) {
        return enabled.test(hub) ? new Hub(hub, URI.create(endpoint)) : Telemetry.Hub.OFF;
    }

    /** One hub's operations. */
    final class Hub implements Telemetry.Hub {

        private final String hub;
        private final Attributes spanAttributes;

        Hub(String hub, URI endpoint) {
            this.hub = hub;
            int port = endpoint.getPort() != -1 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
            this.spanAttributes = Attributes.builder().put(Names.AZ_NAMESPACE, Names.NAMESPACE).put(Names.HUB, hub)
                    .put(Names.SERVER_ADDRESS, endpoint.getHost()).put(Names.SERVER_PORT, port).build();
        }

        @Override
        public Telemetry.Operation start(String operation) {
            Context parent = Context.current();
            Span span = tracer.spanBuilder("WebPubSub." + operation).setParent(parent).setSpanKind(SpanKind.CLIENT)
                    .setAllAttributes(spanAttributes).setAttribute(Names.OPERATION, operation).startSpan();
            return new OtelOperation(OtelClients.this, parent.with(span), span,
                    Attributes.of(Names.HUB, hub, Names.OPERATION, operation));
        }

        @Override
        public Object restClientFilter() {
            return new TraceContextFilter(Telemetry.QUARKUS_PROPAGATES ? null : otel.getPropagators());
        }

        @Override
        public java.util.concurrent.ExecutorService propagating(java.util.concurrent.ExecutorService executor) {
            return new PropagatingExecutor(executor);
        }
    }
}
