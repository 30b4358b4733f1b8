package io.webpubsub.mp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.webpubsub.mp.WebPubSubClientBuilder;
import io.webpubsub.mp.WebPubSubDeliveryUnknownException;
import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.testing.IdleClosingServer;

/**
 * A send after an idle period, on a server that closes connections idle for 0.5 s: with the idle limit below that,
 * no request is written to a closed connection, and each send is exactly one request at the server. The idle
 * periods are the scenario (sleeps stand for a quiet application), not waits for asynchronous work.
 */
class IdleConnectionTest {

    static final int SERVER_IDLE_MILLIS = 500;

    WebPubSubClientBuilder builder(IdleClosingServer server) {
        return new WebPubSubClientBuilder().hub("chat")
                .connectionString("Endpoint=" + server.endpoint() + ";AccessKey=" + WireFormatTest.KEY)
                .connectionIdleTimeout(Duration.ofMillis(250));
    }

    @Test
    void syncSendsAfterIdlePeriodsSucceedWithOneRequestEach() throws Exception {
        try (IdleClosingServer server = new IdleClosingServer(SERVER_IDLE_MILLIS);
                WebPubSubHubClient client = builder(server).buildClient()) {
            client.sendToAll(Message.text("first"));
            Thread.sleep(1500);
            client.sendToAll(Message.text("after 1.5 s"));
            assertEquals(2, server.requests());
            Thread.sleep(3000);
            client.sendToAll(Message.text("after 3 s"));
            assertEquals(3, server.requests());
            assertEquals(3, server.connections(), "each send after an idle period opens a fresh connection");
        }
    }

    @Test
    void asyncSendsAfterIdlePeriodsSucceedWithOneRequestEach() throws Exception {
        try (IdleClosingServer server = new IdleClosingServer(SERVER_IDLE_MILLIS);
                WebPubSubHubAsyncClient client = builder(server).buildAsyncClient()) {
            client.sendToAll(Message.text("first")).toCompletableFuture().get(10, TimeUnit.SECONDS);
            Thread.sleep(1500);
            client.sendToAll(Message.text("after 1.5 s")).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(2, server.requests());
            Thread.sleep(3000);
            client.sendToAll(Message.text("after 3 s")).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(3, server.requests());
        }
    }

    @Test
    void withAnIdleLimitAboveTheServersTheStaleConnectionMakesTheSendDeliveryUnknown() throws Exception {
        // the failure the idle limit prevents, on this stack (RESTEasy + Apache HttpClient 4, whose own stale
        // check only runs after 2 s of inactivity): proves the server really closes idle connections
        try (IdleClosingServer server = new IdleClosingServer(SERVER_IDLE_MILLIS);
                WebPubSubHubClient client = builder(server).connectionIdleTimeout(Duration.ofMinutes(5))
                        .buildClient()) {
            client.sendToAll(Message.text("first"));
            Thread.sleep(1500);
            assertThrows(WebPubSubDeliveryUnknownException.class, () -> client.sendToAll(Message.text("lost?")));
            assertEquals(1, server.requests(), "nothing reached the server, yet the caller cannot know it");
        }
    }
}
