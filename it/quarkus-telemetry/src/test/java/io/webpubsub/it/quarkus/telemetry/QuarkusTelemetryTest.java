package io.webpubsub.it.quarkus.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webpubsub.it.scenarios.Deployed;
import io.webpubsub.it.scenarios.Names;
import io.webpubsub.it.scenarios.WsClient;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The library's spans and metrics on Quarkus with quarkus-opentelemetry: the library finds the extension's
 * {@code OpenTelemetry} bean, its operation span sits between the app's server span and the REST client's HTTP span,
 * and its upstream spans under the server span of the event request.
 */
@QuarkusTest
@WithTestResource(TelemetryEmulatorResource.class)
class QuarkusTelemetryTest implements Deployed {

    static final AttributeKey<String> HUB = AttributeKey.stringKey("webpubsub.hub");
    static final AttributeKey<String> CONNECTION = AttributeKey.stringKey("webpubsub.connection.id");

    @TestHTTPResource("/")
    URL base;

    @Inject
    InMemorySpanExporter spans;

    @Inject
    InMemoryMetricExporter metrics;

    @ConfigProperty(name = TelemetryEmulatorResource.PROBE_KEY)
    String probeEndpoint;

    @Override
    public URI appUri() {
        return URI.create(base.toString());
    }

    SpanData span(String what, Predicate<SpanData> wanted) {
        AtomicReference<SpanData> found = new AtomicReference<>();
        try {
            Names.eventually(what, () -> spans.getFinishedSpanItems().stream().filter(wanted).peek(found::set)
                    .findFirst().isPresent());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; exported: " + spans.getFinishedSpanItems().stream()
                    .map(s -> s.getName() + " " + s.getAttributes()).toList(), e);
        }
        return found.get();
    }

    SpanData byId(String spanId) {
        return span("span " + spanId, s -> s.getSpanId().equals(spanId));
    }

    @Test
    void aSendIsAClientSpanBetweenTheServerSpanAndTheRestClientsHttpSpan() {
        app().sendText("chat", "group:telemetry", "hello").ok();

        SpanData operation = span("WebPubSub.sendToGroup", s -> s.getName().equals("WebPubSub.sendToGroup"));
        assertEquals(SpanKind.CLIENT, operation.getKind());
        Attributes attributes = operation.getAttributes();
        assertEquals("chat", attributes.get(HUB));
        assertEquals("Microsoft.SignalRService", attributes.get(AttributeKey.stringKey("az.namespace")));
        assertEquals("success", attributes.get(AttributeKey.stringKey("webpubsub.outcome")));
        assertEquals(1L, attributes.get(AttributeKey.longKey("webpubsub.attempts")));

        SpanData server = byId(operation.getParentSpanId());
        assertEquals(SpanKind.SERVER, server.getKind());
        SpanData http = span("the REST client's span under " + operation.getSpanId(),
                s -> s.getParentSpanId().equals(operation.getSpanId()));
        assertEquals(SpanKind.CLIENT, http.getKind());
        assertEquals(operation.getTraceId(), http.getTraceId());
        assertEquals(1, spans.getFinishedSpanItems().stream()
                .filter(s -> s.getParentSpanId().equals(operation.getSpanId())).count(), "one HTTP span, no duplicate");
    }

    @Test
    void theServiceReceivesOneTraceparentThatOfTheRestClientsSpan() throws Exception {
        app().sendText("news", null, "probe").ok();

        SpanData operation = span("WebPubSub.sendToAll of news", s -> s.getName().equals("WebPubSub.sendToAll")
                && "news".equals(s.getAttributes().get(HUB)));
        SpanData http = span("the REST client's span under " + operation.getSpanId(),
                s -> s.getParentSpanId().equals(operation.getSpanId()));
        HttpResponse<String> seen = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(probeEndpoint + "/probe/traceparents")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("00-" + http.getTraceId() + "-" + http.getSpanId() + "-"
                + http.getSpanContext().getTraceFlags().asHex(), seen.body());
    }

    @Test
    void upstreamEventsAreConsumerSpansUnderTheEventRequestsServerSpan() {
        service().routeEvents("chat", appUri() + "webpubsub/hubs/{hub}/{event}");
        String url = app().clientAccessUrl("chat", null, List.of(), List.of()) + "&user=telemetry-user";
        try (WsClient client = WsClient.connect(url)) {
            String connectionId = client.connectionId();
            SpanData connected = span("WebPubSub.upstream connected of " + connectionId,
                    s -> s.getName().equals("WebPubSub.upstream connected")
                            && connectionId.equals(s.getAttributes().get(CONNECTION)));
            assertEquals(SpanKind.CONSUMER, connected.getKind());
            assertEquals("chat", connected.getAttributes().get(HUB));
            assertEquals("azure.webpubsub.sys.connected",
                    connected.getAttributes().get(AttributeKey.stringKey("cloudevents.event_type")));
            assertEquals("success", connected.getAttributes().get(AttributeKey.stringKey("webpubsub.outcome")));
            assertEquals(SpanKind.SERVER, byId(connected.getParentSpanId()).getKind());
            SpanData connect = span("WebPubSub.upstream connect of " + connectionId,
                    s -> s.getName().equals("WebPubSub.upstream connect")
                            && connectionId.equals(s.getAttributes().get(CONNECTION)));
            assertEquals(200L, connect.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        }
    }

    @Test
    void theOperationDurationIsExportedAsAMetric() {
        app().sendText("chat", null, "to all").ok();

        AtomicReference<MetricData> found = new AtomicReference<>();
        Names.eventually("webpubsub.client.operation.duration of sendToAll", () -> metrics.getFinishedMetricItems()
                .stream().filter(m -> m.getName().equals("webpubsub.client.operation.duration"))
                .filter(m -> m.getHistogramData().getPoints().stream().anyMatch(p -> "sendToAll".equals(
                        p.getAttributes().get(AttributeKey.stringKey("webpubsub.operation")))))
                .peek(found::set).findFirst().isPresent());
        MetricData duration = found.get();
        assertEquals("s", duration.getUnit());
        assertTrue(duration.getHistogramData().getPoints().stream().anyMatch(p -> "chat".equals(
                p.getAttributes().get(HUB)) && "success".equals(p.getAttributes().get(
                        AttributeKey.stringKey("webpubsub.outcome")))));
    }
}
