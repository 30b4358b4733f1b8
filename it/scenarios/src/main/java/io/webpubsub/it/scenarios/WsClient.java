package io.webpubsub.it.scenarios;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A browser-style client: a real WebSocket to the service with the {@code json.webpubsub.azure.v1} subprotocol,
 * connected with a client access URL. It records every frame; the scenarios wait for the frames they expect.
 */
public final class WsClient implements AutoCloseable {

    /** How long a scenario waits for a frame that should come. */
    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PROTOCOL = "json.webpubsub.azure.v1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final AtomicLong ackIds = new AtomicLong();
    private final List<JsonObject> skipped = new ArrayList<>();
    private final WebSocket socket;
    private final JsonObject connected;

    private WsClient(String url) {
        try {
            socket = HTTP.newWebSocketBuilder().subprotocols(PROTOCOL).connectTimeout(WAIT)
                    .buildAsync(URI.create(url), new Listener()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String answer = cause instanceof java.net.http.WebSocketHandshakeException h
                    ? " (HTTP " + h.getResponse().statusCode() + ": " + h.getResponse().body() + ")" : "";
            throw new AssertionError("cannot connect to " + redact(url) + ": " + cause + answer, e);
        }
        connected = next(f -> "system".equals(f.getString("type", "")) && "connected".equals(f.getString("event", "")));
    }

    /** Connects and waits for the service's {@code connected} message. */
    public static WsClient connect(String url) {
        return new WsClient(url);
    }

    /** Tries to connect; the failure, if the service refuses, as the exception. */
    public static Throwable refused(String url) {
        try {
            WebSocket ws = HTTP.newWebSocketBuilder().subprotocols(PROTOCOL).connectTimeout(WAIT)
                    .buildAsync(URI.create(url), new WebSocket.Listener() { })
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            ws.abort();
            return null;
        } catch (Exception e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    private static String redact(String url) {
        return url.replaceAll("access_token=[^&]*", "access_token=***");
    }

    /** The connection id the service gave this client. */
    public String connectionId() {
        return connected.getString("connectionId");
    }

    /** The userId the service gave this client, or null. */
    public String userId() {
        return connected.isNull("userId") ? null : connected.getString("userId");
    }

    /** The next frame matching, skipping (and keeping) others; fails after {@link #WAIT}. */
    public JsonObject next(Predicate<JsonObject> wanted) {
        for (int i = 0; i < skipped.size(); i++) {
            if (wanted.test(skipped.get(i))) {
                return skipped.remove(i);
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonObject frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new AssertionError("no such frame within " + WAIT + "; other frames: " + skipped
                            + (closed.isDone() ? "; closed: " + closed.getNow("") : ""));
                }
                if (wanted.test(frame)) {
                    return frame;
                }
                skipped.add(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next message (type {@code message}) delivered to this client, in order. */
    public JsonObject nextMessage() {
        return next(f -> "message".equals(f.getString("type", "")));
    }

    /** Joins a group through the client protocol; the ack. */
    public JsonObject joinGroup(String group) {
        long ack = ackIds.incrementAndGet();
        send(Json.createObjectBuilder().add("type", "joinGroup").add("group", group).add("ackId", ack).build());
        return ack(ack);
    }

    /** Sends text to a group through the client protocol; the ack. */
    public JsonObject sendToGroup(String group, String text) {
        long ack = ackIds.incrementAndGet();
        send(Json.createObjectBuilder().add("type", "sendToGroup").add("group", group).add("ackId", ack)
                .add("dataType", "text").add("data", text).build());
        return ack(ack);
    }

    /** Sends a user event with text data; the ack. */
    public JsonObject event(String name, String text) {
        long ack = ackIds.incrementAndGet();
        send(Json.createObjectBuilder().add("type", "event").add("event", name).add("ackId", ack)
                .add("dataType", "text").add("data", text).build());
        return ack(ack);
    }

    private JsonObject ack(long id) {
        return next(f -> "ack".equals(f.getString("type", "")) && f.getJsonNumber("ackId").longValue() == id);
    }

    private void send(JsonObject frame) {
        socket.sendText(frame.toString(), true).join();
    }

    /** Waits until the service closes the socket; the close status and reason as {@code "1000 reason"}. */
    public String awaitClosed() {
        try {
            return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the service did not close the connection within " + WAIT, e);
        }
    }

    /** Whether the socket is closed (by either side). */
    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
            try {
                closed.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                frames.add(Json.createReader(new StringReader(text.toString())).readObject());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed.complete(status + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete("error " + error);
        }
    }
}
