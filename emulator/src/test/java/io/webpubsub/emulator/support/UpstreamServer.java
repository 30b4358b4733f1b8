package io.webpubsub.emulator.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A local event handler (JDK HttpServer) that records every request and answers through a replaceable function. */
public final class UpstreamServer implements AutoCloseable {
    /** A recorded request; header names are lower-case. */
    public record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase());
            return v == null ? null : String.join(",", v);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An answer: status, headers (name, value pairs) and body. */
    public record Answer(int status, List<String> headers, byte[] body) {
        public static Answer of(int status, String... headers) {
            return new Answer(status, List.of(headers), new byte[0]);
        }

        public static Answer body(int status, String contentType, String body, String... headers) {
            List<String> h = new java.util.ArrayList<>(List.of("Content-Type", contentType));
            h.addAll(List.of(headers));
            return new Answer(status, h, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile Function<Received, Answer> answers = UpstreamServer::standard;

    public UpstreamServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Abuse protection allowed, every event answered 204. */
    public static Answer standard(Received r) {
        return r.method().equals("OPTIONS") ? Answer.of(200, "WebHook-Allowed-Origin", "*") : Answer.of(204);
    }

    public void answers(Function<Received, Answer> answers) {
        this.answers = answers;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, List<String>> headers = new java.util.TreeMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
        Received r = new Received(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), headers,
                ex.getRequestBody().readAllBytes());
        received.add(r);
        Answer a = answers.apply(r);
        for (int i = 0; i < a.headers().size(); i += 2) {
            ex.getResponseHeaders().add(a.headers().get(i), a.headers().get(i + 1));
        }
        ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
        if (a.body().length > 0) {
            ex.getResponseBody().write(a.body());
        }
        ex.close();
    }

    /** The next request within 5 s. */
    public Received next() {
        try {
            Received r = received.poll(5, TimeUnit.SECONDS);
            assertNotNull(r, "expected an upstream request");
            return r;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next request that is not an abuse-protection handshake. */
    public Received nextEvent() {
        Received r = next();
        while (!r.method().equals("POST")) {
            r = next();
        }
        return r;
    }

    public void assertNothing(long millis) {
        try {
            assertNull(received.poll(millis, TimeUnit.MILLISECONDS), "expected no upstream request");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public void clear() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
