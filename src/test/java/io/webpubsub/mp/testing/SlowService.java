package io.webpubsub.mp.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback service that answers every request 202 after a delay without holding a thread while it waits, and
 * counts how many requests it holds at once.
 */
public final class SlowService implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Duration delay;
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger maxHeld = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();

    public SlowService(Duration delay) throws IOException {
        this.delay = delay;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return the most requests held at once */
    public int maxHeld() {
        return maxHeld.get();
    }

    /** @return the requests answered */
    public int answered() {
        return answered.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
        maxHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
        timer.schedule(() -> answer(exchange), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void answer(HttpExchange exchange) {
        held.decrementAndGet();
        // counted before the answer leaves: a client that has its answer must find it counted
        answered.incrementAndGet();
        try {
            exchange.sendResponseHeaders(202, -1);
        } catch (IOException e) {
            answered.decrementAndGet();
            // the client went away; nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
        threads.shutdownNow();
    }
}
