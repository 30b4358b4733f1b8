package io.webpubsub.mp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.webpubsub.mp.WebPubSubClientBuilder;
import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.testing.SlowService;

/**
 * Hundreds of asynchronous calls in flight on a blocking REST client (RESTEasy classic) wait on the small default
 * executor, not on a thread each.
 */
class AsyncInFlightTest {

    private static final int CALLS = 500;
    /** Threads the REST client's connection handling and the JDK may add besides the executor. */
    private static final int SPARE_THREADS = 12;

    @Test
    void fiveHundredCallsInFlightCompleteOnAFewThreads() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (SlowService service = new SlowService(Duration.ofMillis(10));
                WebPubSubHubAsyncClient client = new WebPubSubClientBuilder().connectionString("Endpoint="
                        + service.endpoint() + ";AccessKey=" + WireFormatTest.KEY).hub("chat").buildAsyncClient()) {
            client.sendToGroup("g", Message.text("warm-up")).toCompletableFuture().get(30, TimeUnit.SECONDS);
            int before = threads.getThreadCount();
            threads.resetPeakThreadCount();
            List<CompletableFuture<Void>> calls = IntStream.range(0, CALLS)
                    .mapToObj(i -> client.sendToGroup("g" + (i % 7), Message.text("m" + i)).toCompletableFuture())
                    .toList();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            int added = threads.getPeakThreadCount() - before;
            assertEquals(CALLS + 1, service.answered());
            assertTrue(added <= Runtime.getRuntime().availableProcessors() * 2 + SPARE_THREADS,
                    "threads added while " + CALLS + " calls were in flight: " + added);
        }
    }
}
