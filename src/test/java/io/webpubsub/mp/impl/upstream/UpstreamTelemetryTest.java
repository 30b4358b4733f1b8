package io.webpubsub.mp.impl.upstream;

import static io.webpubsub.mp.impl.upstream.ServiceRequests.CONNECTION_STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.webpubsub.mp.events.UserEventResponse;
import io.webpubsub.mp.testing.InMemoryTelemetry;

/** The upstream endpoint's spans and counters, driven over HTTP as the service drives it. */
class UpstreamTelemetryTest {

    static final String HUB_PATH = "/api/webpubsub/hubs/chat";
    static final String EVENTS = "webpubsub.upstream.events";

    static UpstreamTestApp app;
    static Calls calls;
    static InMemoryTelemetry otel;

    @BeforeAll
    static void start() {
        app = UpstreamTestApp.start(Map.of("azure.webpubsub.hubs.chat.connection-string", CONNECTION_STRING),
                ChatHandler.class, ChatObservers.class, Calls.class, InMemoryTelemetry.class);
        calls = app.bean(Calls.class);
        otel = app.bean(InMemoryTelemetry.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void reset() {
        calls.reset();
    }

    static SpanData post(ServiceRequests.Event event, int status) {
        int before = otel.spans().size();
        HttpResponse<String> response = app.send(event.to(app.uri(HUB_PATH)));
        assertEquals(status, response.statusCode(), response.body());
        List<SpanData> spans = otel.spans();
        assertEquals(before + 1, spans.size(), spans::toString);
        return spans.get(spans.size() - 1);
    }

    static Attributes span(String eventType, String ceType, String connectionId, long status, String outcome) {
        return Attributes.builder().put("az.namespace", "Microsoft.SignalRService").put("webpubsub.hub", "chat")
                .put("webpubsub.event.type", eventType).put("webpubsub.connection.id", connectionId)
                .put("cloudevents.event_type", ceType).put("cloudevents.event_id", "1")
                .put("cloudevents.event_source", "/hubs/chat/client/" + connectionId)
                .put("http.response.status_code", status).put("webpubsub.outcome", outcome).build();
    }

    static long events(String hub, String type, String outcome) {
        return otel.counter(EVENTS, Attributes.builder().put("webpubsub.hub", hub).put("webpubsub.event.type", type)
                .put("webpubsub.outcome", outcome).build()).orElse(0L);
    }

    static long signaturesRejected(String hub) {
        return otel.counter("webpubsub.upstream.signatures.rejected", Attributes.builder()
                .put("webpubsub.hub", hub).build()).orElse(0L);
    }

    @Test
    void aUserEventIsAConsumerSpanCurrentWhileTheHandlerRuns() {
        AtomicReference<SpanContext> inHandler = new AtomicReference<>();
        calls.onUserEvent(event -> {
            inHandler.set(Span.current().getSpanContext());
            return UserEventResponse.noReply();
        });
        long before = events("chat", "user", "success");
        SpanData span = post(ServiceRequests.user("chat", "conn1", "message", "text/plain",
                "hi".getBytes(StandardCharsets.UTF_8)), 204);

        assertEquals("WebPubSub.upstream user", span.getName());
        assertEquals(SpanKind.CONSUMER, span.getKind());
        assertEquals(span("user", "azure.webpubsub.user.message", "conn1", 204, "success").asMap(),
                span.getAttributes().asMap());
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        assertEquals(span.getSpanContext(), inHandler.get());
        assertFalse(span.getParentSpanContext().isValid());
        assertEquals(before + 1, events("chat", "user", "success"));
    }

    @Test
    void aSystemEventContinuesTheTraceItCarries() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        SpanData span = post(ServiceRequests.connected("chat", "conn2")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"), 204);

        assertEquals("WebPubSub.upstream connected", span.getName());
        assertEquals(traceId, span.getTraceId());
        assertEquals("00f067aa0ba902b7", span.getParentSpanId());
        assertEquals(span("connected", "azure.webpubsub.sys.connected", "conn2", 204, "success").asMap(),
                span.getAttributes().asMap());
    }

    @Test
    void aForgedSignatureIsRejectedAndCounted() {
        long rejected = signaturesRejected("chat");
        long before = events("chat", "connected", "rejected");
        SpanData span = post(ServiceRequests.connected("chat", "conn3")
                .header("ce-signature", "sha256=0000000000000000000000000000000000000000000000000000000000000000"),
                401);

        assertEquals("WebPubSub.upstream connected", span.getName());
        assertEquals(span("connected", "azure.webpubsub.sys.connected", "conn3", 401, "rejected").toBuilder()
                .put("error.type", "401").build().asMap(), span.getAttributes().asMap());
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode(), "a 4xx is the caller's fault");
        assertEquals(rejected + 1, signaturesRejected("chat"));
        assertEquals(before + 1, events("chat", "connected", "rejected"));
        assertEquals(List.of(), calls.received());
    }

    @Test
    void unknownHubsAndEventTypesAreNotMetricValues() {
        long before = events("_OTHER", "_OTHER", "rejected");
        HttpResponse<String> response = app.send(ServiceRequests.connected("attacker-1", "conn4")
                .header("ce-type", "azure.webpubsub.sys.attack-1").to(app.uri("/api/webpubsub")));
        assertEquals(400, response.statusCode(), response.body());

        assertEquals(before + 1, events("_OTHER", "_OTHER", "rejected"));
        boolean leaked = otel.metrics().stream().flatMap(m -> m.getData().getPoints().stream())
                .anyMatch(p -> p.getAttributes().asMap().values().stream()
                        .anyMatch(v -> String.valueOf(v).contains("attack")));
        assertFalse(leaked, "header values must not become metric attribute values");
        assertEquals(Optional.of("attacker-1"), Optional.ofNullable(otel.spans().get(otel.spans().size() - 1)
                .getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("webpubsub.hub"))));
    }
}
