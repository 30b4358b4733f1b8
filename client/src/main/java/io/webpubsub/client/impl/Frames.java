package io.webpubsub.client.impl;

import io.webpubsub.client.WebPubSubData;
import io.webpubsub.client.WebPubSubDataType;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Base64;

/** Writes the JSON protocols' requests and reads the service's frames. */
final class Frames {

    private static final JsonProvider JSON = JsonProvider.provider();

    private Frames() {
    }

    /** {@code joinGroup} or {@code leaveGroup}. */
    static String membership(String type, String group, long ackId) {
        return "{\"type\":\"" + type + "\",\"group\":" + quote(group) + ",\"ackId\":" + ackId + "}";
    }

    static String sendToGroup(String group, Long ackId, boolean noEcho, WebPubSubData data) {
        return "{\"type\":\"sendToGroup\",\"group\":" + quote(group) + ackId(ackId) + ",\"noEcho\":" + noEcho
                + data(data) + "}";
    }

    static String event(String event, Long ackId, WebPubSubData data) {
        return "{\"type\":\"event\",\"event\":" + quote(event) + ackId(ackId) + data(data) + "}";
    }

    static String sequenceAck(long sequenceId) {
        return "{\"type\":\"sequenceAck\",\"sequenceId\":" + sequenceId + "}";
    }

    private static String ackId(Long ackId) {
        return ackId == null ? "" : ",\"ackId\":" + ackId;
    }

    private static String data(WebPubSubData data) {
        String value = switch (data.type()) {
            case TEXT -> quote(data.asText());
            case JSON -> data.asText();
            case BINARY -> '"' + Base64.getEncoder().encodeToString(data.asBytes()) + '"';
        };
        return ",\"dataType\":\"" + data.type().wireName() + "\",\"data\":" + value;
    }

    /** A JSON string literal. */
    static String quote(String s) {
        return JSON.createValue(s).toString();
    }

    /** Parses one text frame; {@code null} when it is not a JSON object (ignored, as unknown frames are). */
    static JsonObject parse(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject o ? o : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The payload of a {@code message} frame; {@code dataType} defaults to json. */
    static WebPubSubData payload(JsonObject frame) {
        String type = frame.getString("dataType", "json");
        JsonValue data = frame.getOrDefault("data", JsonValue.NULL);
        if (WebPubSubDataType.TEXT.wireName().equals(type)) {
            return WebPubSubData.text(data instanceof JsonString s ? s.getString() : data.toString());
        }
        if (WebPubSubDataType.JSON.wireName().equals(type)) {
            return WebPubSubData.json(data);
        }
        // binary, and protobuf payloads bridged to JSON clients, are base64
        return WebPubSubData.binary(Base64.getDecoder().decode(data instanceof JsonString s ? s.getString() : ""));
    }

    /** A string member, or {@code null} when absent or JSON null. */
    static String string(JsonObject frame, String name) {
        JsonValue value = frame.get(name);
        return value instanceof JsonString s ? s.getString() : null;
    }

    /** A numeric member as a long, or {@code null}. */
    static Long number(JsonObject frame, String name) {
        JsonValue value = frame.get(name);
        return value instanceof jakarta.json.JsonNumber n ? n.longValue() : null;
    }

    /** The size of a text frame on the wire. */
    static int utf8Length(String s) {
        int bytes = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                bytes += c >= 0x800 && !Character.isSurrogate(c) ? 2 : 1;
            }
        }
        return bytes;
    }
}
