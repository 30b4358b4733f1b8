package io.webpubsub.it.scenarios;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP (protobuf) receiver on loopback: decodes the spans of {@code /v1/traces} (the fields the tests read)
 * and keeps the raw {@code /v1/metrics} payloads. Shared by the runtimes' telemetry tests (Open Liberty, Payara
 * Micro), whose applications export with {@code otel.exporter.otlp.protocol=http/protobuf}.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** OTLP span kind server. */
    public static final int SERVER = 2;
    /** OTLP span kind client. */
    public static final int CLIENT = 3;
    /** OTLP span kind consumer. */
    public static final int CONSUMER = 5;

    /**
     * A received span.
     *
     * @param traceId the trace id, lower-case hex
     * @param spanId the span id, lower-case hex
     * @param parentSpanId the parent's span id, empty for a root span
     * @param name the span name
     * @param kind the OTLP enum ({@link #SERVER}, {@link #CLIENT}, {@link #CONSUMER}, ...)
     * @param attributes the string, boolean and integer attributes
     */
    public record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, int kind,
            Map<String, Object> attributes) {
    }

    private static final int MAX_BODY = 16 << 20;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "otlp-receiver");
        t.setDaemon(true);
        return t;
    });
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> metricPayloads = new CopyOnWriteArrayList<>();

    /** Starts the receiver on an ephemeral loopback port. */
    public OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> receive(exchange, true));
        server.createContext("/v1/metrics", exchange -> receive(exchange, false));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    /** @return {@code http://127.0.0.1:<port>}, the value for {@code otel.exporter.otlp.endpoint} */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return the spans received so far, in arrival order */
    public List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    /**
     * Waits (bounded, polling) for a span.
     *
     * @param what what the span is, for the failure message
     * @param wanted which span
     * @return the first received span that matches
     * @throws AssertionError naming {@code what} and listing what was received, if none arrives in time
     */
    public ReceivedSpan span(String what, Predicate<ReceivedSpan> wanted) {
        AtomicReference<ReceivedSpan> found = new AtomicReference<>();
        try {
            Names.eventually(what, () -> spans.stream().filter(wanted).peek(found::set).findFirst().isPresent());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; received: " + spans(), e);
        }
        return found.get();
    }

    /** The metric payloads as ISO-8859-1 text: instrument names and attribute strings appear verbatim. */
    public List<String> metricPayloads() {
        return List.copyOf(metricPayloads);
    }

    private void receive(HttpExchange exchange, boolean traces) throws IOException {
        try (exchange) {
            InputStream in = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                in = new GZIPInputStream(in);
            }
            byte[] body = in.readNBytes(MAX_BODY);
            if (traces) {
                Reader request = new Reader(body, 0, body.length);
                while (request.more()) {
                    int tag = request.tag();
                    if (tag >>> 3 == 1) {
                        resourceSpans(request.sub());
                    } else {
                        request.skip(tag);
                    }
                }
            } else {
                metricPayloads.add(new String(body, StandardCharsets.ISO_8859_1));
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void resourceSpans(Reader in) {
        for (Reader scope : in.messages(2)) {
            for (Reader span : scope.messages(2)) {
                spans.add(decode(span));
            }
        }
    }

    private static ReceivedSpan decode(Reader in) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        Map<String, Object> attributes = new LinkedHashMap<>();
        while (in.more()) {
            int tag = in.tag();
            switch (tag >>> 3) {
                case 1 -> traceId = HexFormat.of().formatHex(in.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(in.bytes());
                case 4 -> parent = HexFormat.of().formatHex(in.bytes());
                case 5 -> name = new String(in.bytes(), StandardCharsets.UTF_8);
                case 6 -> kind = (int) in.varint();
                case 9 -> attribute(in.sub(), attributes);
                default -> in.skip(tag);
            }
        }
        return new ReceivedSpan(traceId, spanId, parent, name, kind, attributes);
    }

    private static void attribute(Reader in, Map<String, Object> attributes) {
        String key = null;
        Object value = null;
        while (in.more()) {
            int tag = in.tag();
            if (tag >>> 3 == 1) {
                key = new String(in.bytes(), StandardCharsets.UTF_8);
            } else if (tag >>> 3 == 2) {
                value = anyValue(in.sub());
            } else {
                in.skip(tag);
            }
        }
        attributes.put(key, value);
    }

    private static Object anyValue(Reader in) {
        Object value = null;
        while (in.more()) {
            int tag = in.tag();
            switch (tag >>> 3) {
                case 1 -> value = new String(in.bytes(), StandardCharsets.UTF_8);
                case 2 -> value = in.varint() != 0;
                case 3 -> value = in.varint();
                default -> in.skip(tag);
            }
        }
        return value;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** Reads protobuf wire format: varints, length-delimited fields and skips. */
    private static final class Reader {
        private final byte[] data;
        private int pos;
        private final int end;

        Reader(byte[] data, int pos, int end) {
            this.data = data;
            this.pos = pos;
            this.end = end;
        }

        boolean more() {
            return pos < end;
        }

        int tag() {
            return (int) varint();
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = data[pos++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        Reader sub() {
            int length = (int) varint();
            Reader sub = new Reader(data, pos, pos + length);
            pos += length;
            return sub;
        }

        byte[] bytes() {
            Reader sub = sub();
            return java.util.Arrays.copyOfRange(data, sub.pos, sub.end);
        }

        List<Reader> messages(int field) {
            List<Reader> found = new java.util.ArrayList<>();
            while (more()) {
                int tag = tag();
                if (tag >>> 3 == field && (tag & 7) == 2) {
                    found.add(sub());
                } else {
                    skip(tag);
                }
            }
            return found;
        }

        void skip(int tag) {
            switch (tag & 7) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> sub();
                case 5 -> pos += 4;
                default -> throw new IllegalArgumentException("unsupported wire type " + (tag & 7));
            }
        }
    }
}
