package io.webpubsub.it.liberty.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.webpubsub.it.liberty.telemetry.OtlpReceiver.ReceivedSpan;
import io.webpubsub.it.scenarios.AppConfig;
import io.webpubsub.it.scenarios.Deployed;
import io.webpubsub.it.scenarios.Names;
import io.webpubsub.it.scenarios.ProbeService;
import io.webpubsub.it.scenarios.WsClient;
import io.webpubsub.it.scenarios.arquillian.AppWar;
import java.net.URI;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The library's spans and metrics on Open Liberty with mpTelemetry-2.0: the library finds the runtime's
 * {@code OpenTelemetry} bean (the application enables the SDK and sees the API through third-party visibility), and
 * what it records reaches an OTLP receiver on loopback.
 */
@ExtendWith(ArquillianExtension.class)
class LibertyTelemetryTest implements Deployed {

    static final int SERVER = 2;
    static final int CLIENT = 3;
    static final int CONSUMER = 5;
    static final OtlpReceiver OTLP = new OtlpReceiver();
    static final ProbeService PROBE = new ProbeService();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> properties = new HashMap<>(AppConfig.properties());
        properties.put("azure.webpubsub.hubs.news.connection-string", PROBE.connectionString());
        properties.put("otel.sdk.disabled", "false");
        properties.put("otel.service.name", "webpubsub-it");
        properties.put("otel.traces.exporter", "otlp");
        properties.put("otel.metrics.exporter", "otlp");
        properties.put("otel.logs.exporter", "none");
        properties.put("otel.exporter.otlp.protocol", "http/protobuf");
        properties.put("otel.exporter.otlp.endpoint", OTLP.endpoint());
        properties.put("otel.bsp.schedule.delay", "100");
        properties.put("otel.metric.export.interval", "500");
        return AppWar.create("telemetry", properties);
    }

    @Override
    public URI appUri() {
        return URI.create(base.toString());
    }

    static ReceivedSpan span(String what, Predicate<ReceivedSpan> wanted) {
        AtomicReference<ReceivedSpan> found = new AtomicReference<>();
        try {
            Names.eventually(what, () -> OTLP.spans().stream().filter(wanted).peek(found::set).findFirst().isPresent());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; received: " + OTLP.spans(), e);
        }
        return found.get();
    }

    @Test
    void aSendIsAClientSpanBetweenTheServerSpanAndTheRestClientsHttpSpan() {
        app().sendText("chat", "group:telemetry", "hello").ok();

        ReceivedSpan operation = span("WebPubSub.sendToGroup", s -> s.name().equals("WebPubSub.sendToGroup"));
        assertEquals(CLIENT, operation.kind());
        assertEquals("chat", operation.attributes().get("webpubsub.hub"));
        assertEquals("Microsoft.SignalRService", operation.attributes().get("az.namespace"));
        assertEquals("sendToGroup", operation.attributes().get("webpubsub.operation"));
        assertEquals("success", operation.attributes().get("webpubsub.outcome"));
        assertEquals(1L, operation.attributes().get("webpubsub.attempts"));
        ReceivedSpan server = span("the server span", s -> s.spanId().equals(operation.parentSpanId()));
        assertEquals(SERVER, server.kind());
        assertEquals(operation.traceId(), server.traceId());
        ReceivedSpan http = span("mpTelemetry's REST client span", s -> s.parentSpanId().equals(operation.spanId()));
        assertEquals(CLIENT, http.kind());
        assertEquals("POST", http.attributes().get("http.request.method"));
        assertEquals(202L, http.attributes().get("http.response.status_code"));
        assertEquals(1, OTLP.spans().stream().filter(s -> s.parentSpanId().equals(operation.spanId())).count(),
                "one HTTP span, no duplicate");
    }

    @Test
    void theServiceReceivesOneTraceparentThatOfTheRestClientsSpan() {
        app().sendText("news", null, "probe").ok();

        ReceivedSpan operation = span("WebPubSub.sendToAll of news", s -> s.name().equals("WebPubSub.sendToAll")
                && "news".equals(s.attributes().get("webpubsub.hub")));
        ReceivedSpan http = span("the REST client's span under " + operation.spanId(),
                s -> s.parentSpanId().equals(operation.spanId()));
        String sent = PROBE.traceparents();
        assertTrue(sent.matches("00-" + http.traceId() + "-" + http.spanId() + "-[0-9a-f]{2}"), sent);
    }

    @Test
    void upstreamEventsAreConsumerSpansUnderTheEventRequestsServerSpan() {
        service().routeEvents("chat", appUri() + "webpubsub/hubs/{hub}/{event}");
        String url = app().clientAccessUrl("chat", null, List.of(), List.of()) + "&user=telemetry-user";
        try (WsClient client = WsClient.connect(url)) {
            String connectionId = client.connectionId();
            ReceivedSpan connected = span("WebPubSub.upstream connected",
                    s -> s.name().equals("WebPubSub.upstream connected")
                            && connectionId.equals(s.attributes().get("webpubsub.connection.id")));
            assertEquals(CONSUMER, connected.kind());
            assertEquals("chat", connected.attributes().get("webpubsub.hub"));
            assertEquals("success", connected.attributes().get("webpubsub.outcome"));
            ReceivedSpan server = span("the event request's server span",
                    s -> s.spanId().equals(connected.parentSpanId()));
            assertEquals(SERVER, server.kind());
        }
    }

    @Test
    void theOperationDurationIsExported() {
        app().sendText("chat", null, "to all").ok();
        Names.eventually("webpubsub.client.operation.duration of sendToAll", () -> OTLP.metricPayloads().stream()
                .anyMatch(p -> p.contains("webpubsub.client.operation.duration") && p.contains("sendToAll")));
    }
}
