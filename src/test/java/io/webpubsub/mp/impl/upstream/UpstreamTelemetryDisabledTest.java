package io.webpubsub.mp.impl.upstream;

import static io.webpubsub.mp.impl.upstream.ServiceRequests.CONNECTION_STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.webpubsub.mp.testing.InMemoryTelemetry;

/** {@code telemetry.enabled=false} for a hub: its events are handled, and nothing is recorded. */
class UpstreamTelemetryDisabledTest {

    @Test
    void aHubWithTelemetryDisabledRecordsNoSpanAndNoMetric() {
        try (UpstreamTestApp app = UpstreamTestApp.start(Map.of(
                "azure.webpubsub.hubs.chat.connection-string", CONNECTION_STRING,
                "azure.webpubsub.hubs.chat.telemetry.enabled", "false"),
                ChatHandler.class, ChatObservers.class, Calls.class, InMemoryTelemetry.class)) {
            HttpResponse<String> response = app.send(ServiceRequests.connected("chat", "conn1")
                    .to(app.uri(UpstreamTelemetryTest.HUB_PATH)));
            assertEquals(204, response.statusCode(), response.body());
            assertEquals(1, app.bean(Calls.class).received().size(), "the event itself is handled");
            InMemoryTelemetry recorded = app.bean(InMemoryTelemetry.class);
            assertEquals(List.of(), recorded.spans());
            assertEquals(List.of(), recorded.metrics());
        }
    }
}
