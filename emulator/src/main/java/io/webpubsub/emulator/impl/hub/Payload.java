package io.webpubsub.emulator.impl.hub;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A message body with its data type. For {@link DataType#JSON} the bytes are valid JSON text; for
 * {@link DataType#TEXT} UTF-8 text; for {@link DataType#BINARY} raw bytes.
 */
public record Payload(DataType type, byte[] data) {

    /** The data types of the JSON subprotocols ({@code dataType} values) and their HTTP content types. */
    public enum DataType {
        /** UTF-8 text. */
        TEXT("text", "text/plain"),
        /** A JSON value. */
        JSON("json", "application/json"),
        /** Raw bytes (base64 in JSON frames). */
        BINARY("binary", "application/octet-stream");

        private final String wireName;
        private final String contentType;

        DataType(String wireName, String contentType) {
            this.wireName = wireName;
            this.contentType = contentType;
        }

        /** The {@code dataType} value on the wire. */
        public String wireName() {
            return wireName;
        }

        /** The HTTP content type used upstream. */
        public String contentType() {
            return contentType;
        }

        /** Parses a {@code dataType} value (case-insensitive); null when unknown. */
        public static DataType ofWireName(String name) {
            for (DataType t : values()) {
                if (t.wireName.equalsIgnoreCase(name)) {
                    return t;
                }
            }
            return null;
        }

        /**
         * Maps a content type (parameters ignored) to a data type: text/plain, application/json,
         * application/octet-stream; null for anything else.
         */
        public static DataType ofContentType(String contentType) {
            if (contentType == null) {
                return null;
            }
            String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            for (DataType t : values()) {
                if (t.contentType.equals(base)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** The bytes as UTF-8 text. */
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** A text payload. */
    public static Payload text(String s) {
        return new Payload(DataType.TEXT, s.getBytes(StandardCharsets.UTF_8));
    }
}
