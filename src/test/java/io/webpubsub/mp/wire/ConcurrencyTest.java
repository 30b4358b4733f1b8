package io.webpubsub.mp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.webpubsub.mp.WebPubSubClientBuilder;
import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.testing.FakeService;

/** One client serves many threads at once. */
class ConcurrencyTest {

    @Test
    void concurrentCallsOnOneClientAllSucceed() throws Exception {
        try (FakeService service = new FakeService()) {
            WebPubSubClientBuilder builder = new WebPubSubClientBuilder().connectionString("Endpoint="
                    + service.endpoint() + ";AccessKey=" + WireFormatTest.KEY).hub("chat");
            try (WebPubSubHubClient client = builder.buildClient();
                    WebPubSubHubAsyncClient async = builder.buildAsyncClient()) {
                ExecutorService threads = Executors.newFixedThreadPool(8);
                try {
                    List<CompletableFuture<Void>> calls = IntStream.range(0, 40).mapToObj(i -> CompletableFuture
                            .runAsync(() -> client.sendToGroup("g" + (i % 5), Message.text("m" + i)), threads))
                            .toList();
                    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
                } finally {
                    threads.shutdownNow();
                }
                List<CompletableFuture<Void>> asyncCalls = IntStream.range(0, 40)
                        .mapToObj(i -> async.sendToAll(Message.text("a" + i)).toCompletableFuture()).toList();
                CompletableFuture.allOf(asyncCalls.toArray(CompletableFuture[]::new)).join();
                assertEquals(80, service.requests().size());
            }
        }
    }
}
