package io.webpubsub.it.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webpubsub.mp.WebPubSubClientBuilder;
import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.models.Message;

/**
 * On the Quarkus REST client (Vert.x) asynchronous calls hold no thread while in flight: 500 sends to a loopback
 * service that answers each after 200 ms are carried by the event loop, many at once.
 */
@QuarkusTest
@WithTestResource(EmulatorResource.class)
class QuarkusAsyncInFlightTest {

    private static final int CALLS = 500;
    /** Threads Vert.x and the JDK may start besides: far fewer than the requests held at once. */
    private static final int SPARE_THREADS = 16;

    @Test
    void fiveHundredCallsInFlightHoldNoThreadEach() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Slow service = new Slow();
                WebPubSubHubAsyncClient client = new WebPubSubClientBuilder().hub("chat").connectionString("Endpoint="
                        + service.endpoint() + ";AccessKey=" + QuarkusRestClientBehaviourTest.KEY + ";Version=1.0;")
                        .buildAsyncClient()) {
            client.sendToGroup("g", Message.text("warm-up")).toCompletableFuture().get(30, TimeUnit.SECONDS);
            int before = threads.getThreadCount();
            threads.resetPeakThreadCount();
            List<CompletableFuture<Void>> calls = IntStream.range(0, CALLS)
                    .mapToObj(i -> client.sendToGroup("g" + (i % 7), Message.text("m" + i)).toCompletableFuture())
                    .toList();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            int added = threads.getPeakThreadCount() - before;
            System.out.printf("Quarkus async: %d calls, at most %d held by the service at once, %d threads added%n",
                    CALLS, service.maxHeld.get(), added);
            assertEquals(CALLS + 1, service.answered.get());
            assertTrue(added <= SPARE_THREADS, "threads added while " + CALLS + " calls were in flight: " + added);
            assertTrue(service.maxHeld.get() > added + SPARE_THREADS,
                    "requests in flight at once: " + service.maxHeld.get() + ", threads added: " + added);
        }
    }

    /** Answers 202 after 200 ms from a timer, holding no thread per request. */
    private static final class Slow implements AutoCloseable {

        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
        final ExecutorService handlers = Executors.newFixedThreadPool(2);
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        final AtomicInteger held = new AtomicInteger();
        final AtomicInteger maxHeld = new AtomicInteger();
        final AtomicInteger answered = new AtomicInteger();

        Slow() throws IOException {
            server.createContext("/", this::hold);
            server.setExecutor(handlers);
            server.start();
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void hold(HttpExchange exchange) throws IOException {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            maxHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
            timer.schedule(() -> {
                held.decrementAndGet();
                try (exchange) {
                    exchange.sendResponseHeaders(202, -1);
                    answered.incrementAndGet();
                } catch (IOException gone) {
                    // the client went away
                }
            }, 200, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            server.stop(0);
            timer.shutdownNow();
            handlers.shutdownNow();
        }
    }
}
