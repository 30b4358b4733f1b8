package io.webpubsub.it.scenarios;

import static io.webpubsub.it.scenarios.OtlpReceiver.CLIENT;
import static io.webpubsub.it.scenarios.OtlpReceiver.CONSUMER;
import static io.webpubsub.it.scenarios.OtlpReceiver.SERVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.webpubsub.it.scenarios.OtlpReceiver.ReceivedSpan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The library's spans on a runtime whose MicroProfile Telemetry exports OTLP/HTTP (protobuf) to an
 * {@link OtlpReceiver} of the test JVM: the operation span between the server span and the REST client's span, the
 * one {@code traceparent} the service receives, the upstream {@code CONSUMER} span, the operation duration metric.
 * Hub {@code news} points at a {@link ProbeService}. A runtime's test class deploys the app with
 * {@link #properties()} and says where it answers.
 */
public interface TelemetryScenarios extends Deployed {

    /** The receiver and the probe of this test JVM, on loopback, started when first used. */
    final class Shared {
        static final OtlpReceiver OTLP = new OtlpReceiver();
        static final ProbeService PROBE = new ProbeService();

        private Shared() {
        }
    }

    /** @return the receiver the app exports to */
    default OtlpReceiver otlp() {
        return Shared.OTLP;
    }

    /** @return the probe that serves hub {@code news} */
    default ProbeService probe() {
        return Shared.PROBE;
    }

    /**
     * The app's configuration for these scenarios: {@link AppConfig#properties()}, hub {@code news} on the probe,
     * the SDK enabled and exporting traces and metrics over OTLP/HTTP to the receiver, with short export delays.
     *
     * @return the properties for the app's {@code microprofile-config.properties}
     */
    static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>(AppConfig.properties());
        properties.put("azure.webpubsub.hubs.news.connection-string", Shared.PROBE.connectionString());
        properties.put("otel.sdk.disabled", "false");
        properties.put("otel.service.name", "webpubsub-it");
        properties.put("otel.traces.exporter", "otlp");
        properties.put("otel.metrics.exporter", "otlp");
        properties.put("otel.logs.exporter", "none");
        properties.put("otel.exporter.otlp.protocol", "http/protobuf");
        properties.put("otel.exporter.otlp.endpoint", Shared.OTLP.endpoint());
        properties.put("otel.bsp.schedule.delay", "100");
        properties.put("otel.metric.export.interval", "500");
        return properties;
    }

    /**
     * The attribute names of the HTTP method and the response status on the runtime's REST client span.
     *
     * @return the stable HTTP semantic conventions' {@code http.request.method} and {@code http.response.status_code}
     */
    default List<String> httpMethodAndStatusKeys() {
        return List.of("http.request.method", "http.response.status_code");
    }

    /** A send is the library's CLIENT span, child of the app's server span, parent of exactly one HTTP span. */
    @Test
    default void aSendIsAClientSpanBetweenTheServerSpanAndTheRestClientsHttpSpan() {
        app().sendText("chat", "group:telemetry", "hello").ok();

        OtlpReceiver otlp = otlp();
        ReceivedSpan operation = otlp.span("WebPubSub.sendToGroup", s -> s.name().equals("WebPubSub.sendToGroup"));
        assertEquals(CLIENT, operation.kind());
        assertEquals("chat", operation.attributes().get("webpubsub.hub"));
        assertEquals("Microsoft.SignalRService", operation.attributes().get("az.namespace"));
        assertEquals("sendToGroup", operation.attributes().get("webpubsub.operation"));
        assertEquals("success", operation.attributes().get("webpubsub.outcome"));
        assertEquals(1L, operation.attributes().get("webpubsub.attempts"));
        ReceivedSpan server = otlp.span("the server span", s -> s.spanId().equals(operation.parentSpanId()));
        assertEquals(SERVER, server.kind());
        assertEquals(operation.traceId(), server.traceId());
        ReceivedSpan http = otlp.span("the REST client's span", s -> s.parentSpanId().equals(operation.spanId()));
        assertEquals(CLIENT, http.kind());
        List<String> keys = httpMethodAndStatusKeys();
        assertEquals("POST", http.attributes().get(keys.get(0)), http::toString);
        assertEquals(202L, http.attributes().get(keys.get(1)), http::toString);
        assertEquals(1, otlp.spans().stream().filter(s -> s.parentSpanId().equals(operation.spanId())).count(),
                "one HTTP span, no duplicate");
    }

    /** The service sees one {@code traceparent}: the REST client span's, under the library's operation span. */
    @Test
    default void theServiceReceivesOneTraceparentThatOfTheRestClientsSpan() {
        app().sendText("news", null, "probe").ok();

        OtlpReceiver otlp = otlp();
        ReceivedSpan operation = otlp.span("WebPubSub.sendToAll of news", s -> s.name().equals("WebPubSub.sendToAll")
                && "news".equals(s.attributes().get("webpubsub.hub")));
        ReceivedSpan http = otlp.span("the REST client's span under " + operation.spanId(),
                s -> s.parentSpanId().equals(operation.spanId()));
        String sent = probe().traceparents();
        assertTrue(sent.matches("00-" + http.traceId() + "-" + http.spanId() + "-[0-9a-f]{2}"), sent);
    }

    /** An upstream event is the library's CONSUMER span under the server span of the event request. */
    @Test
    default void upstreamEventsAreConsumerSpansUnderTheEventRequestsServerSpan() {
        service().routeEvents("chat", appUri() + "webpubsub/hubs/{hub}/{event}");
        String url = app().clientAccessUrl("chat", null, List.of(), List.of()) + "&user=telemetry-user";
        try (WsClient client = WsClient.connect(url)) {
            String connectionId = client.connectionId();
            OtlpReceiver otlp = otlp();
            ReceivedSpan connected = otlp.span("WebPubSub.upstream connected",
                    s -> s.name().equals("WebPubSub.upstream connected")
                            && connectionId.equals(s.attributes().get("webpubsub.connection.id")));
            assertEquals(CONSUMER, connected.kind());
            assertEquals("chat", connected.attributes().get("webpubsub.hub"));
            assertEquals("success", connected.attributes().get("webpubsub.outcome"));
            ReceivedSpan server = otlp.span("the event request's server span",
                    s -> s.spanId().equals(connected.parentSpanId()));
            assertEquals(SERVER, server.kind());
        }
    }

    /** The library's operation duration histogram reaches the receiver, with the operation as an attribute. */
    @Test
    default void theOperationDurationIsExported() {
        app().sendText("chat", null, "to all").ok();
        Names.eventually("webpubsub.client.operation.duration of sendToAll", () -> otlp().metricPayloads().stream()
                .anyMatch(p -> p.contains("webpubsub.client.operation.duration") && p.contains("sendToAll")));
    }
}
