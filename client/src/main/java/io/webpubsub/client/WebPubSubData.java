package io.webpubsub.client;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message payload: text, JSON or binary. Immutable and thread-safe.
 *
 * <pre>{@code
 * client.sendToGroup("room", WebPubSubData.text("hi"));
 * client.sendToGroup("room", WebPubSubData.json(new Notice("hello")));   // JSON-B
 * client.sendToGroup("room", WebPubSubData.binary(bytes));
 * }</pre>
 */
public final class WebPubSubData {

    private final WebPubSubDataType type;
    private final String text;
    private final byte[] bytes;

    private WebPubSubData(WebPubSubDataType type, String text, byte[] bytes) {
        this.type = type;
        this.text = text;
        this.bytes = bytes;
    }

    /**
     * A text payload.
     *
     * @throws NullPointerException naming {@code text} when it is null
     */
    public static WebPubSubData text(String text) {
        return new WebPubSubData(WebPubSubDataType.TEXT, Objects.requireNonNull(text, "text"), null);
    }

    /**
     * A JSON payload: {@code value} written with JSON-B; a JSON-P {@link JsonValue} is taken as is. For JSON you
     * already have as text use {@link #rawJson(String)} ({@code json("x")} sends the JSON string {@code "x"}).
     *
     * @throws NullPointerException naming {@code value} when it is null (the service rejects {@code null} JSON data)
     */
    public static WebPubSubData json(Object value) {
        Objects.requireNonNull(value, "value");
        String json = value instanceof JsonValue v ? v.toString() : JsonB.JSONB.toJson(value);
        return new WebPubSubData(WebPubSubDataType.JSON, json, null);
    }

    /**
     * A JSON payload from JSON text.
     *
     * @throws NullPointerException     naming {@code json} when it is null
     * @throws IllegalArgumentException naming {@code json} when it is not valid JSON
     */
    public static WebPubSubData rawJson(String json) {
        Objects.requireNonNull(json, "json");
        try (JsonReader reader = Jsonp.PROVIDER.createReader(new StringReader(json))) {
            return new WebPubSubData(WebPubSubDataType.JSON, reader.readValue().toString(), null);
        } catch (JsonException e) {
            throw new IllegalArgumentException("Invalid 'json': " + e.getMessage(), e);
        }
    }

    /**
     * A binary payload (copied).
     *
     * @throws NullPointerException naming {@code bytes} when it is null
     */
    public static WebPubSubData binary(byte[] bytes) {
        return new WebPubSubData(WebPubSubDataType.BINARY, null, Objects.requireNonNull(bytes, "bytes").clone());
    }

    /** The payload's type. */
    public WebPubSubDataType type() {
        return type;
    }

    /**
     * The payload as text: the string for {@code TEXT}, the JSON text for {@code JSON}.
     *
     * @throws IllegalStateException for {@code BINARY} payloads
     */
    public String asText() {
        if (type == WebPubSubDataType.BINARY) {
            throw new IllegalStateException("The payload is binary; use asBytes()");
        }
        return text;
    }

    /** The payload's bytes: a copy of binary data, or the UTF-8 bytes of text and JSON. */
    public byte[] asBytes() {
        return type == WebPubSubDataType.BINARY ? bytes.clone() : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A JSON payload read with JSON-B into {@code type} ({@link JsonValue} gives the JSON-P tree).
     *
     * @throws IllegalStateException          when the payload is not JSON
     * @throws jakarta.json.bind.JsonbException when the JSON does not map to {@code type}
     */
    public <T> T as(Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (this.type != WebPubSubDataType.JSON) {
            throw new IllegalStateException("The payload is " + this.type.wireName() + ", not json");
        }
        if (type == JsonValue.class) {
            try (JsonReader reader = Jsonp.PROVIDER.createReader(new StringReader(text))) {
                return type.cast(reader.readValue());
            }
        }
        return JsonB.JSONB.fromJson(text, type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebPubSubData d && d.type == type && Objects.equals(d.text, text)
                && Arrays.equals(d.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, text) * 31 + Arrays.hashCode(bytes);
    }

    /** The type and size, never the content (payloads may be personal data). */
    @Override
    public String toString() {
        int size = type == WebPubSubDataType.BINARY ? bytes.length : text.length();
        return "WebPubSubData[" + type.wireName() + ", " + size + (type == WebPubSubDataType.BINARY ? " bytes]"
                : " chars]");
    }

    /** Created on first use, so text and binary payloads never load a JSON implementation. */
    private static final class Jsonp {
        static final JsonProvider PROVIDER = JsonProvider.provider();
    }

    /** Created on first use: only objects mapped with JSON-B load it. */
    private static final class JsonB {
        static final Jsonb JSONB = JsonbBuilder.create();
    }
}
