package io.webpubsub.mp.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The payload of a user event, or of the reply to it: bytes with a {@link Type} that says how clients see them.
 *
 * <p>Immutable; the byte arrays are copied in and out.
 *
 * @since 0.1.0
 */
public final class EventData {

    /**
     * How the payload is typed, matching the {@code Content-Type} on the wire and the client protocols'
     * {@code dataType}.
     *
     * @since 0.1.0
     */
    public enum Type {
        /** UTF-8 text; {@code text/plain}. */
        TEXT("text/plain"),
        /** A JSON value as UTF-8 text; {@code application/json}. */
        JSON("application/json"),
        /** Bytes; {@code application/octet-stream}. */
        BINARY("application/octet-stream"),
        /** A protobuf {@code Any} from protobuf clients; {@code application/x-protobuf}. Incoming only. */
        PROTOBUF("application/x-protobuf");

        private final String mediaType;

        Type(String mediaType) {
            this.mediaType = mediaType;
        }

        /**
         * @return the media type, without parameters
         */
        public String mediaType() {
            return mediaType;
        }
    }

    private final Type type;
    private final byte[] bytes;

    private EventData(Type type, byte[] bytes) {
        this.type = type;
        this.bytes = bytes;
    }

    /**
     * @param text the text
     * @return text data
     * @throws NullPointerException if {@code text} is null
     */
    public static EventData text(String text) {
        return new EventData(Type.TEXT, Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * JSON data. The text is sent as given; the library does not check it when replying.
     *
     * @param json a JSON value, e.g. {@code {"a":1}}
     * @return JSON data
     * @throws NullPointerException if {@code json} is null
     */
    public static EventData json(String json) {
        return new EventData(Type.JSON, Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param bytes the bytes (copied)
     * @return binary data
     * @throws NullPointerException if {@code bytes} is null
     */
    public static EventData binary(byte[] bytes) {
        return new EventData(Type.BINARY, Objects.requireNonNull(bytes, "bytes").clone());
    }

    /**
     * Data of any type, as received. Used by the library for incoming events.
     *
     * @param type the type
     * @param bytes the bytes (copied)
     * @return the data
     */
    public static EventData of(Type type, byte[] bytes) {
        return new EventData(Objects.requireNonNull(type, "type"), bytes.clone());
    }

    /**
     * @return how the data is typed
     */
    public Type type() {
        return type;
    }

    /**
     * @return a copy of the bytes
     */
    public byte[] asBytes() {
        return bytes.clone();
    }

    /**
     * The bytes decoded as UTF-8 (meaningful for {@link Type#TEXT} and {@link Type#JSON}).
     *
     * @return the text
     */
    public String asText() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * @return the number of bytes
     */
    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventData other && type == other.type && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(bytes);
    }

    /** Shows the type and size, never the content. */
    @Override
    public String toString() {
        return "EventData[" + type + ", " + bytes.length + " bytes]";
    }
}
