package io.webpubsub.emulator.impl.hub;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A message on its way to connections: {@code group} null means "from server"; {@code fromUserId} is set for
 * group messages that a client published. One instance serves every recipient of a publish, so the
 * {@code json.webpubsub.azure.v1} frame is formatted once, not once per connection.
 */
public final class Delivery {
    private final String group;
    private final String fromUserId;
    private final Payload payload;
    private final OptionalLong deadline;
    // Unsynchronized on purpose: racing threads compute the same immutable String, and a String is safely published.
    private String jsonFrame;

    /** A delivery of {@code payload} from the server ({@code group} null) or to {@code group} that never expires. */
    public Delivery(String group, String fromUserId, Payload payload) {
        this(group, fromUserId, payload, 0);
    }

    /**
     * A delivery that a connection drops if it has not been written to the client within {@code ttlSeconds}
     * ({@code messageTtlSeconds}; 0 = never expires).
     */
    public Delivery(String group, String fromUserId, Payload payload, int ttlSeconds) {
        this.group = group;
        this.fromUserId = fromUserId;
        this.payload = payload;
        this.deadline = ttlSeconds == 0 ? OptionalLong.empty()
                : OptionalLong.of(System.nanoTime() + TimeUnit.SECONDS.toNanos(ttlSeconds));
    }

    /** The {@link System#nanoTime()} after which the message is dropped instead of written; empty = never. */
    public OptionalLong deadline() {
        return deadline;
    }

    /** The target group, or null for a message from the server. */
    public String group() {
        return group;
    }

    /** The publishing client's user id, or null. */
    public String fromUserId() {
        return fromUserId;
    }

    /** The message. */
    public Payload payload() {
        return payload;
    }

    /** The {@code message} frame without a {@code sequenceId}, formatted on first use and then shared. */
    public String jsonFrame() {
        String frame = jsonFrame;
        if (frame == null) {
            frame = Frames.message(this);
            jsonFrame = frame;
        }
        return frame;
    }
}
