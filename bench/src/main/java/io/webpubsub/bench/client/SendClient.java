package io.webpubsub.bench.client;

import java.util.concurrent.CompletableFuture;

/**
 * One client under test, reduced to the operation measured: send a small text message to a group. A client is
 * either blocking ({@link #send}) or non-blocking ({@link #sendAsync}); the load driver uses the one that
 * {@link #async()} names. Both fail (throw / complete exceptionally) on anything but 202.
 */
public interface SendClient extends AutoCloseable {

    boolean async();

    default void send(String group, String text) throws Exception {
        throw new UnsupportedOperationException();
    }

    default CompletableFuture<?> sendAsync(String group, String text) {
        throw new UnsupportedOperationException();
    }

    @Override
    default void close() throws Exception {
    }
}
