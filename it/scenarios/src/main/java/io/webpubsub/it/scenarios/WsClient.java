package io.webpubsub.it.scenarios;

import io.webpubsub.client.AckException;
import io.webpubsub.client.DisconnectedEvent;
import io.webpubsub.client.GroupMessage;
import io.webpubsub.client.ServerMessage;
import io.webpubsub.client.WebPubSubClient;
import io.webpubsub.client.WebPubSubClientBuilder;
import io.webpubsub.client.WebPubSubClientListener;
import io.webpubsub.client.WebPubSubData;
import io.webpubsub.client.WebPubSubProtocol;
import io.webpubsub.client.WebPubSubResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A browser-style client on {@code io.webpubsub:webpubsub-client}: the {@code json.webpubsub.azure.v1} subprotocol,
 * connected with a client access URL, without reconnecting (the scenarios watch the service end connections). It
 * records what arrives in the protocol's frame shape ({@code message} and {@code system/disconnected} frames, acks
 * as returned by the operations), so the scenarios assert on the wire format the service documents.
 */
public final class WsClient implements AutoCloseable {

    /** How long a scenario waits for a frame that should come. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final List<JsonObject> skipped = new ArrayList<>();
    private final WebPubSubClient client;

    private WsClient(String url) {
        client = new WebPubSubClientBuilder().clientAccessUrl(url).protocol(WebPubSubProtocol.JSON)
                .autoReconnect(false).connectTimeout(WAIT).build();
        client.addListener(new Recorder());
    }

    /** Connects and waits for the service's {@code connected} message. */
    public static WsClient connect(String url) {
        WsClient ws = new WsClient(url);
        try {
            ws.client.start().toCompletableFuture().get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (Exception e) {
            ws.close();
            throw new AssertionError("cannot connect: " + cause(e), e);
        }
        return ws;
    }

    /**
     * Tries to connect; why the service refused (e.g. the {@link java.net.http.WebSocketHandshakeException} with its
     * status), or {@code null} when it let the client in.
     */
    public static Throwable refused(String url) {
        WsClient ws = new WsClient(url);
        try {
            ws.client.start().toCompletableFuture().get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
            return null;
        } catch (Exception e) {
            Throwable failure = cause(e);
            return failure.getCause() != null ? failure.getCause() : failure;
        } finally {
            ws.close();
        }
    }

    private static Throwable cause(Exception e) {
        return e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    }

    /** The connection id the service gave this client. */
    public String connectionId() {
        return client.connectionId();
    }

    /** The userId the service gave this client, or null. */
    public String userId() {
        return client.userId();
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
        return ack(client.joinGroup(group));
    }

    /** Sends text to a group through the client protocol; the ack. */
    public JsonObject sendToGroup(String group, String text) {
        return ack(client.sendToGroup(group, WebPubSubData.text(text)));
    }

    /** Sends a user event with text data; the ack. */
    public JsonObject event(String name, String text) {
        return ack(client.sendEvent(name, WebPubSubData.text(text)));
    }

    /** The service's ack as the protocol writes it: {@code {type, ackId, success[, error{name, message}]}}. */
    private static JsonObject ack(CompletionStage<WebPubSubResult> operation) {
        try {
            WebPubSubResult result = operation.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return Json.createObjectBuilder().add("type", "ack").add("ackId", result.ackId())
                    .add("success", true).build();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AckException refused) {
                JsonObjectBuilder error = Json.createObjectBuilder().add("name", refused.getErrorName());
                if (refused.getErrorMessage() != null) {
                    error.add("message", refused.getErrorMessage());
                }
                return Json.createObjectBuilder().add("type", "ack").add("ackId", refused.getAckId())
                        .add("success", false).add("error", error).build();
            }
            throw new AssertionError("the operation failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError("no ack within " + WAIT, e);
        }
    }

    /** Waits until the connection ended (closed by the service); why, as the client reported it. */
    public String awaitClosed() {
        try {
            return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the service did not close the connection within " + WAIT, e);
        }
    }

    /** Whether the connection ended (either side). */
    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        client.close();
    }

    private final class Recorder implements WebPubSubClientListener {
        @Override
        public void onGroupMessage(GroupMessage message) {
            JsonObjectBuilder frame = Json.createObjectBuilder().add("type", "message").add("from", "group")
                    .add("group", message.group());
            if (message.fromUserId() != null) {
                frame.add("fromUserId", message.fromUserId());
            }
            frames.add(data(frame, message.data()));
        }

        @Override
        public void onServerMessage(ServerMessage message) {
            frames.add(data(Json.createObjectBuilder().add("type", "message").add("from", "server"),
                    message.data()));
        }

        private JsonObject data(JsonObjectBuilder frame, WebPubSubData data) {
            frame.add("dataType", data.type().wireName());
            switch (data.type()) {
                case TEXT -> frame.add("data", data.asText());
                case JSON -> frame.add("data", data.as(JsonValue.class));
                case BINARY -> frame.add("data", Base64.getEncoder().encodeToString(data.asBytes()));
            }
            return frame.build();
        }

        @Override
        public void onDisconnected(DisconnectedEvent event) {
            JsonObjectBuilder frame = Json.createObjectBuilder().add("type", "system").add("event", "disconnected");
            if (event.message() != null) {
                frame.add("message", event.message());
            }
            frames.add(frame.build());
            closed.complete(String.valueOf(event.message()));
        }

        @Override
        public void onStopped() {
            closed.complete("stopped");
        }
    }
}
