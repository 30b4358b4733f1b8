package io.webpubsub.emulator.support;

import io.webpubsub.emulator.impl.Jsons;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A JDK WebSocket test client that records frames (String for text, byte[] for binary) and the close. */
public final class WsClient implements WebSocket.Listener, AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
    private WebSocket socket;
    private boolean paused;
    private final java.util.concurrent.atomic.AtomicInteger pings = new java.util.concurrent.atomic.AtomicInteger();

    /** WebSocket pings received so far (the JDK answers them with pongs). */
    public int pings() {
        return pings.get();
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        pings.incrementAndGet();
        return WebSocket.Listener.super.onPing(webSocket, message);
    }

    /** Connects without ever reading: the server's writes back up (a slow client). */
    public static WsClient connectPaused(String uri, String... subprotocols) {
        WsClient c = new WsClient();
        c.paused = true;
        WebSocket.Builder b = HTTP.newWebSocketBuilder();
        if (subprotocols.length > 0) {
            b.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        c.socket = b.buildAsync(URI.create(uri), c).join();
        return c;
    }

    /** Connects; throws when the handshake fails. */
    public static WsClient connect(String uri, String... subprotocols) {
        return connectWithAuth(uri, null, subprotocols);
    }

    /** Connects with an optional Authorization header. */
    public static WsClient connectWithAuth(String uri, String authorization, String... subprotocols) {
        WsClient c = new WsClient();
        WebSocket.Builder b = HTTP.newWebSocketBuilder();
        if (subprotocols.length > 0) {
            b.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        c.socket = b.buildAsync(URI.create(uri), c).join();
        return c;
    }

    /** The HTTP status of a failed handshake. */
    public static int handshakeStatus(String uri, String... subprotocols) {
        try {
            connect(uri, subprotocols).close();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }

    /** The accepted subprotocol ("" when none). */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    /** The next frame within 5 s (fails when none). */
    public Object next() {
        try {
            Object f = frames.poll(5, TimeUnit.SECONDS);
            assertNotNull(f, "expected a frame");
            return f;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public String nextText() {
        return (String) next();
    }

    public JsonObject nextJson() {
        try (var r = Jsons.PROVIDER.createReader(new StringReader(nextText()))) {
            return r.readObject();
        }
    }

    /** Asserts that no frame arrives within {@code millis}. */
    public void assertNoFrame(long millis) {
        try {
            assertNull(frames.poll(millis, TimeUnit.MILLISECONDS), "expected no frame");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "code reason" of the close within 5 s. */
    public String awaitClose() {
        return closed.orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** Drains the frames received so far. */
    public List<Object> drain() {
        List<Object> list = new ArrayList<>();
        frames.drainTo(list);
        return list;
    }

    /** Whether the socket was closed or failed (no wait). */
    public boolean isClosed() {
        return closed.isDone() || socket.isInputClosed();
    }

    /** Drops the TCP connection without a close handshake. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(1000, "").exceptionally(t -> null);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (!paused) {
            webSocket.request(Long.MAX_VALUE);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            frames.add(text.toString());
            text.setLength(0);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        binary.writeBytes(b);
        if (last) {
            frames.add(binary.toByteArray());
            binary.reset();
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete("error " + error);
    }
}
