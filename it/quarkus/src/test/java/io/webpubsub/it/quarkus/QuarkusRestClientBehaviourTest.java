package io.webpubsub.it.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webpubsub.mp.WebPubSubClientBuilder;
import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.models.GroupMember;
import io.webpubsub.mp.models.ListConnectionsOptions;
import io.webpubsub.mp.models.Message;

/**
 * The hub clients on the Quarkus REST client (inside the Quarkus test application): sends after idle periods on a
 * server that closes connections idle for 0.5 s, and paging through the service's nextLink. The sleeps are the
 * scenario's idle periods, not waits for asynchronous work.
 */
@QuarkusTest
@WithTestResource(EmulatorResource.class)
class QuarkusRestClientBehaviourTest {

    static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdef";

    static WebPubSubClientBuilder builder(LoopbackHttpServer server) {
        return new WebPubSubClientBuilder().hub("chat").connectionIdleTimeout(Duration.ofMillis(250))
                .connectionString("Endpoint=" + server.endpoint() + ";AccessKey=" + KEY + ";Version=1.0;");
    }

    @Test
    void sendsAfterIdlePeriodsSucceedWithOneRequestEach() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(500, line -> new LoopbackHttpServer.Reply(
                "202 Accepted", ""));
                WebPubSubHubClient client = builder(server).buildClient();
                WebPubSubHubAsyncClient async = builder(server).buildAsyncClient()) {
            client.sendToAll(Message.text("first"));
            async.sendToAll(Message.text("first async")).toCompletableFuture().get(10, TimeUnit.SECONDS);
            Thread.sleep(1500);
            client.sendToAll(Message.text("after 1.5 s"));
            async.sendToAll(Message.text("async after 1.5 s")).toCompletableFuture().get(10, TimeUnit.SECONDS);
            Thread.sleep(3000);
            client.sendToAll(Message.text("after 3 s"));
            async.sendToAll(Message.text("async after 3 s")).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(6, server.requestLines().size(), "exactly one request per send: " + server.requestLines());
        }
    }

    @Test
    void listingFollowsTheNextLinkAsGiven() throws Exception {
        String next = "/api/hubs/chat/pages/2?continuationToken=t%2B1&shard=3";
        try (LoopbackHttpServer server = new LoopbackHttpServer(5000, line -> new LoopbackHttpServer.Reply("200 OK",
                line.contains("/pages/2") ? "{\"value\":[{\"connectionId\":\"c2\"}]}"
                        : "{\"value\":[{\"connectionId\":\"c1\",\"userId\":\"u1\"}],\"nextLink\":\"" + next + "\"}"));
                WebPubSubHubClient client = builder(server).buildClient()) {
            assertEquals(List.of(new GroupMember("c1", "u1"), new GroupMember("c2", null)),
                    client.listConnectionsInGroup("g", new ListConnectionsOptions()).toList());
            assertEquals(List.of("GET /api/hubs/chat/groups/g/connections?api-version=2024-12-01 HTTP/1.1",
                    "GET " + next + "&api-version=2024-12-01 HTTP/1.1"), server.requestLines());
        }
    }
}
