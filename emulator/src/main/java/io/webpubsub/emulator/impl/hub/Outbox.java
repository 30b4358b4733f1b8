package io.webpubsub.emulator.impl.hub;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded outbound queue of one WebSocket: frames are written one at a time without blocking the caller; when
 * more than {@code limit} frames wait, {@link #offer} refuses and the owner closes the slow client.
 */
final class Outbox {
    private static final int IN_CALL = 0;
    private static final int RETURNED = 1;
    private static final int DONE_INLINE = 2;

    private final Transport transport;
    private final int limit;
    private final Runnable onFailure;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean busy = new AtomicBoolean();

    Outbox(Transport transport, int limit, Runnable onFailure) {
        this.transport = transport;
        this.limit = limit;
        this.onFailure = onFailure;
    }

    Transport transport() {
        return transport;
    }

    /** Queues a frame; false when the queue is full. */
    boolean offer(Object frame) {
        if (size.incrementAndGet() > limit) {
            size.decrementAndGet();
            return false;
        }
        queue.add(frame);
        drain();
        return true;
    }

    /** Closes the WebSocket once the frames queued before have been written. */
    void close(int code, String reason) {
        size.incrementAndGet();
        queue.add(new Close(code, reason));
        drain();
    }

    private record Close(int code, String reason) {
    }

    // Loops instead of recursing when a write completes inside the send call, so long queues cannot overflow the stack.
    private void drain() {
        while (busy.compareAndSet(false, true)) {
            Object frame = queue.poll();
            if (frame == null) {
                busy.set(false);
                if (queue.isEmpty()) {
                    return;
                }
                continue;
            }
            if (frame instanceof Close close) {
                queue.clear();
                transport.close(close.code(), close.reason());
                return;
            }
            AtomicInteger state = new AtomicInteger(IN_CALL);
            transport.send(frame, failure -> {
                size.decrementAndGet();
                if (failure != null) {
                    onFailure.run();
                }
                if (!state.compareAndSet(IN_CALL, DONE_INLINE)) {
                    busy.set(false);
                    drain();
                }
            });
            if (state.compareAndSet(IN_CALL, RETURNED)) {
                return;
            }
            busy.set(false);
        }
    }
}
