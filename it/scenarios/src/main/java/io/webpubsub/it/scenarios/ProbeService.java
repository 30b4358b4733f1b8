package io.webpubsub.it.scenarios;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in Web PubSub REST endpoint on loopback that answers every call 202 and records the {@code traceparent}
 * header lines of each request; {@code GET /probe/traceparents} lists them, one request per line, values joined
 * by {@code |}. Used by the telemetry tests to see what the runtime's REST client sends.
 */
public final class ProbeService implements AutoCloseable {

    private final HttpServer server;
    private final List<String> traceparents = new CopyOnWriteArrayList<>();

    /** Starts the probe on an ephemeral loopback port. */
    public ProbeService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::service);
        server.createContext("/probe/traceparents", this::report);
        server.start();
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void service(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            List<String> values = exchange.getRequestHeaders().get("traceparent");
            traceparents.add(values == null ? "" : String.join("|", values));
            exchange.sendResponseHeaders(202, -1);
        }
    }

    /** A connection string of this probe for a hub, with a valid-length key. */
    public String connectionString() {
        return "Endpoint=" + endpoint() + ";AccessKey=probe-access-key-0123456789abcdefghijklmn;Version=1.0;";
    }

    /** @return what {@code GET /probe/traceparents} answers: the traceparent lines of each request so far */
    public String traceparents() {
        return String.join("\n", traceparents);
    }

    private void report(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = traceparents().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** Stops the probe. */
    @Override
    public void close() {
        server.stop(0);
    }
}
