package io.webpubsub.emulator.impl.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The outbound queue: one frame in flight at a time, bounded, and message TTL (messageTtlSeconds). */
class OutboxTest {

    /** A WebSocket whose writes complete only when the test says so. */
    static final class HeldTransport implements Transport {
        final List<Object> sent = new ArrayList<>();
        final List<Consumer<Throwable>> pending = new ArrayList<>();

        @Override
        public void send(Object frame, Consumer<Throwable> done) {
            sent.add(frame);
            pending.add(done);
        }

        void completeNext() {
            pending.remove(0).accept(null);
        }

        @Override
        public void close(int code, String reason) {
        }

        @Override
        public void ping() {
        }

        @Override
        public void abort() {
        }
    }

    @Test
    void aMessageStillQueuedAfterItsDeadlineIsDroppedAndFreesItsPlace() {
        HeldTransport transport = new HeldTransport();
        AtomicLong now = new AtomicLong();
        Outbox outbox = new Outbox(transport, 4, Long.MAX_VALUE, () -> { }, now::get);
        assertTrue(outbox.offer("a"));
        assertTrue(outbox.offer("b", OptionalLong.of(100)));
        assertTrue(outbox.offer("c"));
        assertTrue(outbox.offer("d", OptionalLong.of(1_000)));
        assertFalse(outbox.offer("full"));
        now.set(500);
        transport.completeNext();
        assertEquals(List.of("a", "c"), transport.sent, "b expired while a was being written");
        assertTrue(outbox.offer("e"), "the dropped frame no longer counts against the limit");
        transport.completeNext();
        now.set(1_001);
        transport.completeNext();
        assertEquals(List.of("a", "c", "d", "e"), transport.sent, "d was taken before its deadline, e has none");
    }

    @Test
    void aDeliveryCarriesItsDeadlineFromMessageTtlSeconds() {
        Payload hi = new Payload(Payload.DataType.TEXT, "hi".getBytes(StandardCharsets.UTF_8));
        assertTrue(new Delivery(null, null, hi).deadline().isEmpty());
        assertTrue(new Delivery(null, null, hi, 0).deadline().isEmpty());
        long before = System.nanoTime();
        long deadline = new Delivery("g", null, hi, 300).deadline().orElseThrow();
        long left = deadline - before;
        assertTrue(left >= TimeUnit.SECONDS.toNanos(300) && left < TimeUnit.SECONDS.toNanos(301), "left: " + left);
    }
}
