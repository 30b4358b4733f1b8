package io.webpubsub.mp.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the service: records every request exactly as received and answers from a script
 * (default: 202 for POST, 200 otherwise, empty body).
 */
public final class FakeService implements AutoCloseable {

    /** A scripted answer; {@code reset} drops the connection without answering. */
    public record Answer(int status, Map<String, String> headers, String body, boolean drop) {

        public static Answer status(int status) {
            return new Answer(status, Map.of(), "", false);
        }

        public static Answer json(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json; charset=utf-8"), body, false);
        }

        public static Answer connectionReset() {
            return new Answer(0, Map.of(), "", true);
        }

        public Answer header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Answer(status, h, body, drop);
        }
    }

    /** A request as received. */
    public record Recorded(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(",", values);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String target() {
            return rawPath + (rawQuery == null ? "" : "?" + rawQuery);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Recorded> requests = new ArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();

    public FakeService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public synchronized FakeService then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public synchronized Recorded only() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests.size() + ": "
                    + requests.stream().map(r -> r.method() + " " + r.target()).toList());
        }
        return requests.get(0);
    }

    public synchronized void clear() {
        requests.clear();
        script.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        Answer answer;
        synchronized (this) {
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body));
            answer = script.poll();
        }
        if (answer == null) {
            answer = Answer.status("POST".equals(exchange.getRequestMethod()) ? 202 : 200);
        }
        if (answer.drop()) {
            // the JDK server closes the connection without a response when the handler fails
            throw new IOException("scripted connection reset");
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(answer.status(), head || out.length == 0 ? -1 : out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            if (!head) {
                os.write(out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
