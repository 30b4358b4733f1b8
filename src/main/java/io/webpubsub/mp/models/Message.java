package io.webpubsub.mp.models;

import java.nio.charset.StandardCharsets;
import java.util.Objects;


/**
 * A message to send, with its content type: text ({@code text/plain}), JSON ({@code application/json}) or binary
 * ({@code application/octet-stream}).
 *
 * <p>Clients of the JSON subprotocols receive text as {@code dataType:"text"}, JSON as {@code dataType:"json"}
 * with the value itself, binary as base64 {@code dataType:"binary"}; plain WebSocket clients get a text or binary
 * frame.
 *
 * <pre>{@code
 * chat.sendToGroup("room-1", Message.text("hello"));
 * chat.sendToAll(Message.json(new Notice("deploy", 3)));
 * chat.sendToUser("alice", Message.rawJson("{\"kind\":\"ping\"}"));
 * }</pre>
 *
 * <p>Immutable; the body is copied.
 *
 * @since 0.1.0
 */
public final class Message {

    /** {@code text/plain}. */
    public static final String TEXT = "text/plain";
    /** {@code application/json}. */
    public static final String JSON = "application/json";
    /** {@code application/octet-stream}. */
    public static final String BINARY = "application/octet-stream";

    private final byte[] body;
    private final String contentType;

    private Message(byte[] body, String contentType) {
        this.body = body;
        this.contentType = contentType;
    }

    /**
     * A text message, sent as UTF-8 {@code text/plain}.
     *
     * @param text the text; may be empty
     * @return the message
     * @throws NullPointerException if {@code text} is null
     */
    public static Message text(String text) {
        return new Message(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8), TEXT);
    }

    /**
     * An object serialised to JSON with JSON-B, sent as {@code application/json}. A {@code String} becomes a JSON
     * string literal; use {@link #rawJson(String)} for JSON you already have as text.
     *
     * @param value the object; null is sent as JSON {@code null}
     * @return the message
     * @throws IllegalArgumentException if JSON-B cannot serialise the value
     * @throws IllegalStateException if no JSON-B implementation is on the class path
     */
    public static Message json(Object value) {
        try {
            return new Message(JsonbSupport.toJson(value).getBytes(StandardCharsets.UTF_8), JSON);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("Message.json needs the JSON-B API and an implementation (e.g. Yasson)"
                    + " on the class path; send JSON text with Message.rawJson instead", e);
        }
    }

    /**
     * JSON text sent as it is, as {@code application/json}. The service rejects text that is not JSON (400).
     *
     * @param json the JSON text
     * @return the message
     * @throws NullPointerException if {@code json} is null
     * @throws IllegalArgumentException if {@code json} is blank
     */
    public static Message rawJson(String json) {
        Objects.requireNonNull(json, "json");
        if (json.isBlank()) {
            throw new IllegalArgumentException("The JSON message 'json' is blank");
        }
        return new Message(json.getBytes(StandardCharsets.UTF_8), JSON);
    }

    /**
     * Binary data, sent as {@code application/octet-stream}.
     *
     * @param data the bytes; copied
     * @return the message
     * @throws NullPointerException if {@code data} is null
     */
    public static Message binary(byte[] data) {
        return new Message(Objects.requireNonNull(data, "data").clone(), BINARY);
    }

    /**
     * The body as sent.
     *
     * @return a copy of the body
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The content type sent with the message.
     *
     * @return {@link #TEXT}, {@link #JSON} or {@link #BINARY}
     */
    public String contentType() {
        return contentType;
    }

    @Override
    public String toString() {
        return "Message[" + contentType + ", " + body.length + " bytes]";
    }
}
