package io.webpubsub.emulator.impl.hub;

/**
 * A message on its way to connections: {@code group} null means "from server"; {@code fromUserId} is set for
 * group messages that a client published. One instance serves every recipient of a publish, so the
 * {@code json.webpubsub.azure.v1} frame is formatted once, not once per connection.
 */
public final class Delivery {
    private final String group;
    private final String fromUserId;
    private final Payload payload;
    // Unsynchronized on purpose: racing threads compute the same immutable String, and a String is safely published.
    private String jsonFrame;

    /** A delivery of {@code payload} from the server ({@code group} null) or to {@code group}. */
    public Delivery(String group, String fromUserId, Payload payload) {
        this.group = group;
        this.fromUserId = fromUserId;
        this.payload = payload;
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
