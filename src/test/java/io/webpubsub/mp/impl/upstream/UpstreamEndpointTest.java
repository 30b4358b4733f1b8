package io.webpubsub.mp.impl.upstream;

import static io.webpubsub.mp.impl.upstream.ServiceRequests.CONNECTION_STRING;
import static io.webpubsub.mp.impl.upstream.ServiceRequests.ORIGIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.webpubsub.mp.events.ConnectedEvent;

class UpstreamEndpointTest {

    static UpstreamTestApp app;
    static Calls calls;

    @BeforeAll
    static void start() {
        app = UpstreamTestApp.start(Map.of("azure.webpubsub.hubs.chat.connection-string", CONNECTION_STRING),
                ChatHandler.class, ChatObservers.class, Calls.class);
        calls = app.bean(Calls.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void reset() {
        calls.reset();
    }

    @Test
    void validationAnswersTheEndpointHost() {
        HttpResponse<String> response = app.send(ServiceRequests.validation(app.uri("/api/webpubsub/hubs/chat"),
                ORIGIN));
        assertEquals(200, response.statusCode());
        assertEquals(ORIGIN, response.headers().firstValue("WebHook-Allowed-Origin").orElseThrow());
    }

    @Test
    void connectedReachesTheObserver() {
        HttpResponse<String> response = app.send(ServiceRequests.connected("chat", "conn1")
                .to(app.uri("/api/webpubsub/hubs/chat")));
        assertEquals(204, response.statusCode(), response.body());
        assertEquals(1, calls.received().size());
        assertTrue(calls.received().get(0) instanceof ConnectedEvent);
    }
}
