package io.webpubsub.emulator.impl.hub;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The bounded outbound queue of one WebSocket: frames are written one at a time without blocking the caller; when
 * more than {@code limit} frames wait, {@link #offer} refuses and the owner closes the slow client. A frame with a
 * deadline (message TTL) that is still queued when its deadline passes is dropped, not written.
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
    private final LongSupplier clock;

    Outbox(Transport transport, int limit, Runnable onFailure) {
        this(transport, limit, onFailure, System::nanoTime);
    }

    /** @param clock {@link System#nanoTime()} or a test's clock, in the time base of the deadlines */
    Outbox(Transport transport, int limit, Runnable onFailure, LongSupplier clock) {
        this.transport = transport;
        this.limit = limit;
        this.onFailure = onFailure;
        this.clock = clock;
    }

    Transport transport() {
        return transport;
    }

    /** Queues a frame; false when the queue is full. */
    boolean offer(Object frame) {
        return offer(frame, OptionalLong.empty());
    }

    /** Queues a frame that is dropped if still queued after {@code deadline}; false when the queue is full. */
    boolean offer(Object frame, OptionalLong deadline) {
        if (size.incrementAndGet() > limit) {
            size.decrementAndGet();
            return false;
        }
        queue.add(deadline.isPresent() ? new Expiring(frame, deadline.getAsLong()) : frame);
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

    private record Expiring(Object frame, long deadline) {
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
            if (frame instanceof Expiring expiring) {
                if (clock.getAsLong() - expiring.deadline() > 0) {
                    size.decrementAndGet();
                    busy.set(false);
                    continue;
                }
                frame = expiring.frame();
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
