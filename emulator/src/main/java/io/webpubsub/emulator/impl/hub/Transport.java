package io.webpubsub.emulator.impl.hub;

import java.util.function.Consumer;

/** The WebSocket under a client connection; implementations never block. */
public interface Transport {
    /** Sends a {@link String} (text frame) or {@code byte[]} (binary frame); {@code done} gets null or the failure. */
    void send(Object frame, Consumer<Throwable> done);

    /** Closes with a WebSocket close code and reason. */
    void close(int code, String reason);

    /** Sends a WebSocket ping (keep-alive). */
    void ping();

    /** Drops the connection at once (used when the client cannot keep up). */
    void abort();
}
