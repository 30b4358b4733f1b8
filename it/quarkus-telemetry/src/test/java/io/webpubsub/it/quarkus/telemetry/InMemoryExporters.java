package io.webpubsub.it.quarkus.telemetry;

import io.opentelemetry.sdk.testing.exporter.InMemoryMetricExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Exporters quarkus-opentelemetry picks up from CDI: the test reads what the app emitted. */
@ApplicationScoped
public class InMemoryExporters {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }

    @Produces
    @Singleton
    InMemoryMetricExporter metrics() {
        return InMemoryMetricExporter.create();
    }
}
