package io.webpubsub.mp.impl.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.webpubsub.mp.WebPubSubDeliveryUnknownException;
import io.webpubsub.mp.WebPubSubNotFoundException;
import io.webpubsub.mp.impl.cdi.HubClientsBean;
import io.webpubsub.mp.impl.emulator.EmbeddedEmulatorBean;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.testing.FakeService;
import io.webpubsub.mp.testing.FakeService.Answer;
import io.webpubsub.mp.testing.InMemoryTelemetry;

/**
 * The hub clients' spans and metrics on Weld SE with the runtime's {@code OpenTelemetry} bean (an SDK exporting to
 * memory), against a fake service answering chosen statuses.
 */
class ClientTelemetryTest {

    static final String KEY = "telemetry-test-access-key-0123456789abcdef";

    FakeService service;
    Config config;
    WeldContainer weld;
    InMemoryTelemetry otel;
    ChatBean chat;

    @BeforeEach
    void start() throws Exception {
        service = new FakeService();
        Map<String, String> properties = new HashMap<>();
        properties.put("azure.webpubsub.connection-string", "Endpoint=" + service.endpoint() + ";AccessKey=" + KEY);
        properties.put("azure.webpubsub.retry.delay", "PT0.001S");
        properties.put("azure.webpubsub.hubs.quiet.telemetry.enabled", "false");
        config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        ConfigProviderResolver.instance().registerConfig(config, Thread.currentThread().getContextClassLoader());
        weld = new Weld().disableDiscovery()
                .addBeanClasses(HubClientsBean.class, EmbeddedEmulatorBean.class, InMemoryTelemetry.class)
                .addBeanClasses(ChatBean.class)
                .initialize();
        otel = weld.select(InMemoryTelemetry.class).get();
        chat = weld.select(ChatBean.class).get();
    }

    @AfterEach
    void stop() {
        weld.close();
        ConfigProviderResolver.instance().releaseConfig(config);
        service.close();
    }

    Attributes span(String operation, long attempts, String outcome, long status) {
        return Attributes.builder().put("az.namespace", "Microsoft.SignalRService").put("webpubsub.hub", "chat")
                .put("server.address", "127.0.0.1").put("server.port", (long) service.port())
                .put("webpubsub.operation", operation).put("webpubsub.attempts", attempts)
                .put("webpubsub.outcome", outcome).put("http.response.status_code", status).build();
    }

    static Attributes point(String operation, String outcome) {
        return Attributes.builder().put("webpubsub.hub", "chat").put("webpubsub.operation", operation)
                .put("webpubsub.outcome", outcome).build();
    }

    static void assertAttributes(Attributes expected, SpanData span) {
        assertEquals(expected.asMap(), span.getAttributes().asMap());
    }

    static String traceparent(SpanData span) {
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex();
    }

    SpanData only() {
        List<SpanData> spans = otel.spans();
        assertEquals(1, spans.size(), spans::toString);
        return spans.get(0);
    }

    HistogramPointData durationPoint(Attributes attributes) {
        MetricData duration = otel.metrics().stream()
                .filter(m -> m.getName().equals("webpubsub.client.operation.duration")).findFirst().orElseThrow();
        assertEquals("s", duration.getUnit());
        List<HistogramPointData> points = List.copyOf(duration.getHistogramData().getPoints());
        assertEquals(1, points.size(), points::toString);
        assertEquals(attributes, points.get(0).getAttributes());
        return points.get(0);
    }

    @Test
    void aSendIsOneClientSpanWhoseContextTheRequestCarries() {
        service.then(Answer.status(202));
        chat.client.sendToGroup("room", Message.text("hi"));

        SpanData span = only();
        assertEquals("WebPubSub.sendToGroup", span.getName());
        assertEquals(SpanKind.CLIENT, span.getKind());
        assertAttributes(span("sendToGroup", 1, "success", 202), span);
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        assertFalse(span.getParentSpanContext().isValid());
        assertEquals(traceparent(span),
                service.only().header("traceparent"));

        HistogramPointData point = durationPoint(point("sendToGroup", "success"));
        assertEquals(1, point.getCount());
        assertEquals(span.getEndEpochNanos() - span.getStartEpochNanos(), point.getSum() * 1e9, 5e6);
    }

    @Test
    void aNotFoundExistenceCheckSucceedsWith404() {
        service.then(Answer.status(404));
        assertFalse(chat.client.groupExists("room"));

        SpanData span = only();
        assertEquals("WebPubSub.groupExists", span.getName());
        assertAttributes(span("groupExists", 1, "success", 404), span);
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        durationPoint(point("groupExists", "success"));
    }

    @Test
    void a404FailureIsAnErrorSpanWithItsStatusAsErrorType() {
        service.then(Answer.json(404, "{\"code\":\"NotFound\",\"message\":\"no such connection\"}"));
        assertThrows(WebPubSubNotFoundException.class, () -> chat.client.addConnectionToGroup("room", "c1"));

        SpanData span = only();
        assertEquals("WebPubSub.addConnectionToGroup", span.getName());
        assertAttributes(span("addConnectionToGroup", 1, "failure", 404).toBuilder().put("error.type", "404").build(),
                span);
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals("", span.getStatus().getDescription());
        durationPoint(point("addConnectionToGroup", "failure").toBuilder().put("error.type", "404").build());
    }

    @Test
    void aRetriedSendIsOneSpanOfTwoAttemptsWithARetryEventAndCounter() {
        service.then(Answer.status(503).header("Retry-After", "0"), Answer.status(202));
        chat.client.sendToAll(Message.text("once"));

        SpanData span = only();
        assertAttributes(span("sendToAll", 2, "success", 202), span);
        assertEquals(1, span.getEvents().size());
        assertEquals("webpubsub.retry", span.getEvents().get(0).getName());
        assertEquals(Attributes.of(io.opentelemetry.api.common.AttributeKey.stringKey("error.type"), "503"),
                span.getEvents().get(0).getAttributes());
        assertEquals(2, service.requests().size());
        assertEquals(traceparent(span),
                service.requests().get(1).header("traceparent"));

        Attributes operation = Attributes.builder().put("webpubsub.hub", "chat")
                .put("webpubsub.operation", "sendToAll").build();
        assertEquals(Optional.of(1L), otel.counter("webpubsub.client.retries", operation));
        durationPoint(point("sendToAll", "success"));
        assertEquals(Optional.empty(), otel.counter("webpubsub.client.delivery_unknown", operation));
    }

    @Test
    void aSendThatMayHaveBeenDeliveredEndsDeliveryUnknown() {
        service.then(Answer.status(500));
        assertThrows(WebPubSubDeliveryUnknownException.class, () -> chat.client.sendToUser("u1", Message.text("x")));

        SpanData span = only();
        assertAttributes(span("sendToUser", 1, "delivery_unknown", 500).toBuilder().put("error.type", "500").build(),
                span);
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        Attributes operation = Attributes.builder().put("webpubsub.hub", "chat")
                .put("webpubsub.operation", "sendToUser").build();
        assertEquals(Optional.of(1L), otel.counter("webpubsub.client.delivery_unknown", operation));
        assertEquals(Optional.empty(), otel.counter("webpubsub.client.retries", operation));
        durationPoint(point("sendToUser", "delivery_unknown").toBuilder().put("error.type", "500").build());
    }

    @Test
    void anAsyncCallIsAChildOfTheCallersSpanAndEndsBeforeItsFutureCompletes() {
        service.then(Answer.status(202));
        Span parent = otel.sdk().getTracer("test").spanBuilder("request").startSpan();
        try (Scope scope = parent.makeCurrent()) {
            chat.async.sendToAll(Message.text("hi")).toCompletableFuture().join();
        } finally {
            parent.end();
        }

        SpanData span = otel.spans().stream().filter(s -> s.getName().equals("WebPubSub.sendToAll")).findFirst()
                .orElseThrow();
        assertEquals(parent.getSpanContext().getTraceId(), span.getTraceId());
        assertEquals(parent.getSpanContext().getSpanId(), span.getParentSpanId());
        assertAttributes(span("sendToAll", 1, "success", 202), span);
        assertEquals(traceparent(span),
                service.only().header("traceparent"));
    }

    @Test
    void anAsyncRetriedSendAndAnAsyncNotFoundCheckAreRecordedLikeBlockingOnes() {
        service.then(Answer.status(503).header("Retry-After", "0"), Answer.status(202), Answer.status(404));
        chat.async.sendToAll(Message.text("once")).toCompletableFuture().join();
        assertFalse(chat.async.groupExists("room").toCompletableFuture().join());

        List<SpanData> spans = otel.spans();
        assertEquals(2, spans.size(), spans::toString);
        SpanData send = spans.stream().filter(s -> s.getName().equals("WebPubSub.sendToAll")).findFirst()
                .orElseThrow();
        assertAttributes(span("sendToAll", 2, "success", 202), send);
        assertEquals("webpubsub.retry", send.getEvents().get(0).getName());
        assertEquals(traceparent(send), service.requests().get(0).header("traceparent"));
        assertEquals(traceparent(send), service.requests().get(1).header("traceparent"));
        SpanData exists = spans.stream().filter(s -> s.getName().equals("WebPubSub.groupExists")).findFirst()
                .orElseThrow();
        assertAttributes(span("groupExists", 1, "success", 404), exists);
    }

    @Test
    void aHubWithTelemetryDisabledRecordsNothingAndSendsNoTraceContext() {
        service.then(Answer.status(202));
        chat.quiet.sendToAll(Message.text("hi"));

        assertEquals(List.of(), otel.spans());
        assertEquals(List.of(), otel.metrics());
        assertNull(service.only().header("traceparent"));
    }
}
