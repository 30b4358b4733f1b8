package io.webpubsub.emulator.impl.hub;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The bounded outbound queue of one WebSocket: frames are written one at a time without blocking the caller; when
 * more than {@code limit} frames or {@code byteLimit} bytes (text frames count one byte per character) wait,
 * {@link #offer} refuses and the owner closes the slow client; a frame is always accepted into an empty queue. A frame
 * with a deadline (message TTL) that is still queued when its deadline passes is dropped, not written.
 */
final class Outbox {
    private static final int IN_CALL = 0;
    private static final int RETURNED = 1;
    private static final int DONE_INLINE = 2;

    private final Transport transport;
    private final int limit;
    private final long byteLimit;
    private final AtomicLong bytes = new AtomicLong();
    private final Runnable onFailure;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean busy = new AtomicBoolean();
    private final LongSupplier clock;

    Outbox(Transport transport, int limit, long byteLimit, Runnable onFailure) {
        this(transport, limit, byteLimit, onFailure, System::nanoTime);
    }

    /** @param clock {@link System#nanoTime()} or a test's clock, in the time base of the deadlines */
    Outbox(Transport transport, int limit, long byteLimit, Runnable onFailure, LongSupplier clock) {
        this.transport = transport;
        this.limit = limit;
        this.byteLimit = byteLimit;
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
        long length = length(frame);
        if (size.incrementAndGet() > limit) {
            size.decrementAndGet();
            return false;
        }
        long total = bytes.addAndGet(length);
        if (total > byteLimit && total != length) {
            bytes.addAndGet(-length);
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

    /** Bytes queued now. */
    long queuedBytes() {
        return bytes.get();
    }

    private static long length(Object frame) {
        return frame instanceof String text ? text.length() : frame instanceof byte[] data ? data.length : 0;
    }

    private void written(Object frame) {
        size.decrementAndGet();
        bytes.addAndGet(-length(frame));
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
                bytes.set(0);
                transport.close(close.code(), close.reason());
                return;
            }
            if (frame instanceof Expiring expiring) {
                if (clock.getAsLong() - expiring.deadline() > 0) {
                    written(expiring.frame());
                    busy.set(false);
                    continue;
                }
                frame = expiring.frame();
            }
            AtomicInteger state = new AtomicInteger(IN_CALL);
            Object sent = frame;
            transport.send(frame, failure -> {
                written(sent);
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
