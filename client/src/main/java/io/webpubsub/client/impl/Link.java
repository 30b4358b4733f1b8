package io.webpubsub.client.impl;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One WebSocket: writes frames one after another (the JDK WebSocket allows one pending send) and reports text
 * frames and its end, exactly once, to its {@link Handler}. Handler calls run on the WebSocket's reader.
 */
final class Link {

    /** What a link reports. */
    interface Handler {
        void onText(Link link, String text);

        /** The link ended: {@code code} is the close code, or -1 when it failed or was aborted. */
        void onEnd(Link link, int code, String reason);
    }

    /** Why a link is being opened. */
    enum Purpose { CONNECT, RECOVER }

    final Purpose purpose;
    private final Handler handler;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    private CompletableFuture<?> sendTail = CompletableFuture.completedFuture(null);
    private volatile WebSocket socket;
    private volatile Throwable failure;
    volatile boolean connected;

    Link(Purpose purpose, Handler handler) {
        this.purpose = purpose;
        this.handler = handler;
    }

    /**
     * Starts the handshake. When it fails the link ends (code -1) with the reason, never with the URL (it carries
     * the access token). The stage completes once the WebSocket is open.
     */
    CompletableFuture<Void> open(HttpClient http, URI uri, String subprotocol, Duration timeout) {
        return http.newWebSocketBuilder().subprotocols(subprotocol).connectTimeout(timeout)
                .buildAsync(uri, new Listener())
                .handle((ws, e) -> {
                    if (e != null) {
                        failure = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                                ? e.getCause() : e;
                        end(-1, describe(e));
                        throw new java.util.concurrent.CompletionException(e);
                    }
                    return null;
                });
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                ? e.getCause() : e;
        if (cause instanceof java.net.http.WebSocketHandshakeException h) {
            return "the handshake was refused with HTTP " + h.getResponse().statusCode();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /**
     * Queues a frame; {@code frame} is asked for its text only when its turn comes, so a frame built from the latest
     * state (a sequence ack) is never stale. The stage fails when the frame cannot be written. Called under the
     * client's lock, which also serialises the queue.
     */
    CompletableFuture<Void> send(Supplier<String> frame) {
        CompletableFuture<Void> written = sendTail.handle((x, e) -> null)
                .thenCompose(x -> socket.sendText(frame.get(), true))
                .thenApply(ws -> null);
        sendTail = written;
        return written;
    }

    /** Starts the closing handshake; if the peer does not answer within {@code timeout} the link is aborted. */
    void close(Duration timeout) {
        WebSocket ws = socket;
        if (ended.get()) {
            return;
        }
        if (ws == null) {
            abort("closed before the handshake completed");
            return;
        }
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((x, e) -> {
            if (e != null) {
                abort("closing failed: " + e);
            }
        });
        CompletableFuture.delayedExecutor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> abort("the peer did not answer the close frame"));
    }

    /** Drops the TCP connection and reports the end (if not reported yet). */
    void abort(String reason) {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        end(-1, reason);
    }

    /** Why the handshake failed (e.g. a {@link java.net.http.WebSocketHandshakeException}), or {@code null}. */
    Throwable failure() {
        return failure;
    }

    private void end(int code, String reason) {
        if (ended.compareAndSet(false, true)) {
            handler.onEnd(this, code, reason);
        }
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            if (ended.get()) {
                webSocket.abort();
                return;
            }
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (!last) {
                partial.append(data);
            } else if (partial.length() > 0) {
                String whole = partial.append(data).toString();
                partial.setLength(0);
                handler.onText(Link.this, whole);
            } else {
                handler.onText(Link.this, data.toString());
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            // the JSON protocols carry text frames only
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            end(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            end(-1, String.valueOf(error));
        }
    }
}
