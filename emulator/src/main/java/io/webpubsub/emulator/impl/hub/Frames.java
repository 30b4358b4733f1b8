package io.webpubsub.emulator.impl.hub;

import io.webpubsub.emulator.impl.Jsons;

import java.util.Base64;

/** Builds the service-to-client frames of the JSON subprotocols. */
public final class Frames {
    private Frames() {
    }

    /** A JSON string literal. */
    public static String str(String s) {
        return s == null ? "null" : Jsons.PROVIDER.createValue(s).toString();
    }

    /** {@code {"type":"message",...}} for a delivered message, without a {@code sequenceId}. */
    public static String message(Delivery d) {
        StringBuilder b = new StringBuilder(64 + d.payload().data().length * 4 / 3);
        b.append("{\"type\":\"message\",\"from\":");
        if (d.group() != null) {
            b.append("\"group\",\"group\":").append(str(d.group()));
            if (d.fromUserId() != null) {
                b.append(",\"fromUserId\":").append(str(d.fromUserId()));
            }
        } else {
            b.append("\"server\"");
        }
        b.append(",\"dataType\":\"").append(d.payload().type().wireName()).append("\",\"data\":");
        switch (d.payload().type()) {
            case JSON -> b.append(d.payload().text());
            case TEXT -> b.append(str(d.payload().text()));
            case BINARY -> b.append('"').append(Base64.getEncoder().encodeToString(d.payload().data())).append('"');
        }
        return b.append('}').toString();
    }

    /** {@code messageFrame} (from {@link #message}) with {@code sequenceId} as its last member. */
    public static String sequenced(String messageFrame, long sequenceId) {
        return messageFrame.substring(0, messageFrame.length() - 1) + ",\"sequenceId\":" + sequenceId + "}";
    }

    /** The {@code connected} system message; {@code reconnectionToken} only for reliable protocols. */
    public static String connected(String connectionId, String userId, String reconnectionToken) {
        StringBuilder b = new StringBuilder("{\"type\":\"system\",\"event\":\"connected\",\"userId\":")
                .append(str(userId)).append(",\"connectionId\":").append(str(connectionId));
        if (reconnectionToken != null) {
            b.append(",\"reconnectionToken\":").append(str(reconnectionToken));
        }
        return b.append('}').toString();
    }

    /** The {@code disconnected} system message. */
    public static String disconnected(String reason) {
        return "{\"type\":\"system\",\"event\":\"disconnected\",\"message\":" + str(reason == null ? "" : reason) + "}";
    }

    /** A successful ack. */
    public static String ack(long ackId) {
        return "{\"type\":\"ack\",\"ackId\":" + ackId + ",\"success\":true}";
    }

    /**
     * A failed ack with an error name ({@code Forbidden}, {@code InternalServerError}, {@code Duplicate}, {@code
     * BadRequest}).
     */
    public static String nack(long ackId, String name, String message) {
        return "{\"type\":\"ack\",\"ackId\":" + ackId + ",\"success\":false,\"error\":{\"name\":" + str(name)
                + ",\"message\":" + str(message) + "}}";
    }

    /** The reply to {@code ping}. */
    public static String pong() {
        return "{\"type\":\"pong\"}";
    }
}
