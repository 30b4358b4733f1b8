package io.webpubsub.mp.testing;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * The {@code OpenTelemetry} bean a MicroProfile Telemetry runtime provides, here an SDK exporting to memory: spans
 * as they end, metrics when read.
 */
@ApplicationScoped
public class InMemoryTelemetry {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    @Produces
    @ApplicationScoped
    OpenTelemetry openTelemetry() {
        return sdk;
    }

    /** @return the ended spans */
    public List<SpanData> spans() {
        return spans.getFinishedSpanItems();
    }

    /** @return the metrics now */
    public List<MetricData> metrics() {
        return List.copyOf(metrics.collectAllMetrics());
    }

    /**
     * @param name the instrument
     * @param attributes the point's attributes
     * @return the sum of the counter's point, if there is one
     */
    public Optional<Long> counter(String name, Attributes attributes) {
        return metrics().stream().filter(m -> m.getName().equals(name))
                .flatMap(m -> m.getLongSumData().getPoints().stream())
                .filter(p -> p.getAttributes().equals(attributes)).map(p -> p.getValue()).findFirst();
    }

    /** @return the tracer provider's SDK, to open a parent span in a test */
    public OpenTelemetrySdk sdk() {
        return sdk;
    }

    @PreDestroy
    void close() {
        sdk.close();
    }
}
