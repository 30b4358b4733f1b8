package io.webpubsub.mp.impl.upstream;

import static io.webpubsub.mp.impl.upstream.ServiceRequests.CONNECTION_STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** How notifications reach observers: qualified by hub, unqualified (every hub), asynchronous, failing. */
class UpstreamObserversTest {

    @Test
    void observersGetTheirHubsEventsAndFailuresAre500() throws InterruptedException {
        try (UpstreamTestApp app = UpstreamTestApp.start(Map.of("azure.webpubsub.connection-string",
                CONNECTION_STRING), ObserverBeans.class)) {
            ObserverBeans beans = app.bean(ObserverBeans.class);
            assertEquals(204, app.send(ServiceRequests.connected("chat", "c1")
                    .to(app.uri("/api/webpubsub/hubs/chat"))).statusCode());
            assertEquals(204, app.send(ServiceRequests.connected("notify", "c2")
                    .to(app.uri("/api/webpubsub/hubs/notify"))).statusCode());
            assertEquals(List.of("chat", "notify", "notify-only"), beans.anyHub().stream().sorted().toList());
            String async = beans.async().poll(30, TimeUnit.SECONDS);
            assertNotNull(async, "the asynchronous observer ran");
            assertEquals(" c1", async.substring(async.lastIndexOf(' ')));
            assertEquals(0, beans.async().size(), "only hub chat's event reaches the @WebPubSubHub(\"chat\") observer");

            HttpResponse<String> failed = app.send(ServiceRequests.disconnected("chat", "c1", "bye")
                    .to(app.uri("/api/webpubsub/hubs/chat")));
            assertEquals(500, failed.statusCode());
            assertEquals("An observer of DisconnectedEvent for hub 'chat' failed", failed.body());
        }
    }
}
