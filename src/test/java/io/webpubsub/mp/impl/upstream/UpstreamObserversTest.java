package io.webpubsub.mp.impl.upstream;

import static io.webpubsub.mp.impl.upstream.ServiceRequests.CONNECTION_STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.junit.jupiter.api.Test;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.events.GroupJoinedEvent;
import io.webpubsub.mp.events.GroupLeftEvent;
import io.webpubsub.mp.events.GroupPresenceEvent;

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

    /** The only bean of hub "presence": observing the common type registers the hub and receives both events. */
    @ApplicationScoped
    public static class PresenceObserver {
        final List<GroupPresenceEvent> seen = new CopyOnWriteArrayList<>();

        void presence(@Observes @WebPubSubHub("presence") GroupPresenceEvent event) {
            seen.add(event);
        }

        List<GroupPresenceEvent> seen() {
            return seen;
        }
    }

    @Test
    void groupPresenceEventObserversGetJoinedAndLeft() {
        try (UpstreamTestApp app = UpstreamTestApp.start(Map.of("azure.webpubsub.connection-string",
                CONNECTION_STRING), PresenceObserver.class)) {
            for (String event : List.of("joined", "left")) {
                assertEquals(204, app.send(new ServiceRequests.Event("presence", "c1", "azure.webpubsub.sys." + event,
                        event).json("{\"group\":\"room\"}").to(app.uri("/api/webpubsub/hubs/presence")))
                        .statusCode());
            }
            List<GroupPresenceEvent> seen = app.bean(PresenceObserver.class).seen();
            assertEquals(List.of(GroupJoinedEvent.class, GroupLeftEvent.class),
                    seen.stream().map(Object::getClass).toList());
            assertEquals("room", seen.get(1).group());
            assertEquals("c1", seen.get(1).context().connectionId());
            assertTrue(seen.get(0).toString().startsWith("GroupJoinedEvent[ConnectionContext["),
                    seen.get(0).toString());
        }
    }
}
