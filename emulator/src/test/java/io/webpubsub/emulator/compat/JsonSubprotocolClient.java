package io.webpubsub.emulator.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An observer connection for the Java SDK tests: a JDK WebSocket on {@code json.webpubsub.azure.v1} that queues the
 * JSON frames it receives, and a {@code close} pseudo-frame {@code {"type":"close","code":…}} when the socket closes.
 */
final class JsonSubprotocolClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    final String connectionId;

    private JsonSubprotocolClient(String url) throws InterruptedException {
        socket = HTTP.newWebSocketBuilder().subprotocols("json.webpubsub.azure.v1")
                .buildAsync(URI.create(url), this).join();
        JsonObject connected = next();
        assertEquals("connected", connected.getString("event", null), connected.toString());
        connectionId = connected.getString("connectionId");
    }

    /** Connects with a client access URL and waits for the {@code connected} system message. */
    static JsonSubprotocolClient connect(String url) throws InterruptedException {
        return new JsonSubprotocolClient(url);
    }

    /** The next frame, failing after 10 seconds. */
    JsonObject next() throws InterruptedException {
        JsonObject frame = frames.poll(10, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within 10 s");
        }
        return frame;
    }

    /** The frames before the one whose {@code data} is {@code sentinel} (which is consumed). */
    List<JsonObject> until(String sentinel) throws InterruptedException {
        List<JsonObject> before = new ArrayList<>();
        for (JsonObject frame = next(); !sentinel.equals(frame.getString("data", null)); frame = next()) {
            before.add(frame);
        }
        return before;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try (JsonReader reader = Json.createReader(new StringReader(partial.toString()))) {
                frames.add(reader.readObject());
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        frames.add(Json.createObjectBuilder().add("type", "close").add("code", statusCode).build());
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        frames.add(Json.createObjectBuilder().add("type", "error").add("error", String.valueOf(error)).build());
    }

    @Override
    public void close() {
        socket.abort();
    }
}
