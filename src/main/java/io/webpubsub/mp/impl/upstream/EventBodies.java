package io.webpubsub.mp.impl.upstream;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.webpubsub.mp.events.ClientCertificate;
import io.webpubsub.mp.events.ConnectEvent;
import io.webpubsub.mp.events.ConnectionContext;
import io.webpubsub.mp.events.DisconnectedEvent;
import io.webpubsub.mp.events.DisconnectedEvent.MqttDisconnectPacket;
import io.webpubsub.mp.events.DisconnectedEvent.MqttDisconnection;
import io.webpubsub.mp.events.EventData;
import io.webpubsub.mp.events.MqttConnectProperties;
import io.webpubsub.mp.events.MqttUserProperty;
import io.webpubsub.mp.events.UserEvent;
import io.webpubsub.mp.impl.json.JsonCodec;

/**
 * Turns event bodies ({@code connect}, {@code disconnected}, group presence and user events) into the public event
 * types. Every problem is a 400 naming the member.
 */
final class EventBodies {

    private EventBodies() {
    }

    static ConnectEvent connect(ConnectionContext context, byte[] body) {
        JsonObject json = object(body);
        return guarded(() -> new ConnectEvent(context,
                multiMap(json, "claims"),
                multiMap(json, "query"),
                multiMap(json, "headers"),
                strings(array(json, "subprotocols", ""), "subprotocols"),
                certificates(array(json, "clientCertificates", "")),
                json.containsKey("mqtt") ? mqttConnect(object(json, "mqtt", "")) : null));
    }

    static DisconnectedEvent disconnected(ConnectionContext context, byte[] body) {
        JsonObject json = object(body);
        return guarded(() -> {
            String reason = Optional.ofNullable(string(json, "reason", "")).orElse("");
            MqttDisconnection mqtt = null;
            if (json.containsKey("mqtt")) {
                JsonObject m = object(json, "mqtt", "");
                JsonValue initiated = m.get("initiatedByClient");
                boolean byClient = initiated != null && initiated.getValueType() == JsonValue.ValueType.TRUE;
                if (initiated != null && !byClient && initiated.getValueType() != JsonValue.ValueType.FALSE) {
                    throw new IllegalArgumentException("'mqtt.initiatedByClient' must be true or false");
                }
                MqttDisconnectPacket packet = null;
                if (m.get("disconnectPacket") instanceof JsonObject p) {
                    packet = new MqttDisconnectPacket(integer(p, "code", "mqtt.disconnectPacket."),
                            userProperties(p, "mqtt.disconnectPacket."));
                }
                mqtt = new MqttDisconnection(byClient, Optional.ofNullable(packet));
            }
            return new DisconnectedEvent(context, reason, mqtt);
        });
    }

    static String group(byte[] body) {
        JsonObject json = object(body);
        String group = guarded(() -> string(json, "group", ""));
        if (group == null || group.isEmpty()) {
            throw UpstreamFailure.badRequest("The event body has no 'group'");
        }
        return group;
    }

    /**
     * @throws UpstreamFailure 415 for a content type the service does not send, 400 for malformed text or JSON
     */
    static UserEvent user(ConnectionContext context, String contentType, byte[] body) {
        EventData.Type type = dataType(contentType);
        if (type == EventData.Type.TEXT || type == EventData.Type.JSON) {
            String text = utf8(body);
            if (type == EventData.Type.JSON) {
                parse(text);
            }
        }
        return new UserEvent(context, EventData.of(type, body));
    }

    private static EventData.Type dataType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return EventData.Type.BINARY;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (EventData.Type type : EventData.Type.values()) {
            if (type.mediaType().equals(mediaType)) {
                return type;
            }
        }
        throw new UpstreamFailure(415, "Unsupported Content-Type " + UpstreamFailure.echo(contentType)
                + " for a user event; expected text/plain, application/json, application/octet-stream or"
                + " application/x-protobuf");
    }

    private static JsonObject object(byte[] body) {
        if (body.length == 0) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (!(parse(utf8(body)) instanceof JsonObject json)) {
            throw UpstreamFailure.badRequest("The event body must be a JSON object");
        }
        return json;
    }

    private static JsonValue parse(String text) {
        try {
            return JsonCodec.parse(text);
        } catch (IllegalArgumentException e) {
            throw UpstreamFailure.badRequest("The event body is not valid JSON: " + e.getMessage());
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw UpstreamFailure.badRequest("The event body is not valid UTF-8");
        }
    }

    private static <T> T guarded(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw UpstreamFailure.badRequest("Malformed event body: " + e.getMessage());
        }
    }

    private static Map<String, List<String>> multiMap(JsonObject json, String name) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        object(json, name, "").forEach((key, value) -> map.put(key, value instanceof JsonString s
                ? List.of(s.getString())
                : strings(value instanceof JsonArray list ? list : invalid(name + "." + key), name + "." + key)));
        return map;
    }

    private static JsonArray invalid(String member) {
        throw new IllegalArgumentException("'" + member + "' must be an array of strings");
    }

    private static List<String> strings(JsonArray values, String member) {
        List<String> strings = new ArrayList<>();
        for (JsonValue value : values) {
            if (!(value instanceof JsonString s)) {
                throw new IllegalArgumentException("'" + member + "' must be an array of strings");
            }
            strings.add(s.getString());
        }
        return strings;
    }

    private static List<ClientCertificate> certificates(JsonArray values) {
        List<ClientCertificate> certificates = new ArrayList<>();
        for (JsonValue value : values) {
            if (!(value instanceof JsonObject cert)) {
                throw new IllegalArgumentException("'clientCertificates' must be an array of objects");
            }
            String thumbprint = string(cert, "thumbprint", "clientCertificates[].");
            String content = string(cert, "content", "clientCertificates[].");
            certificates.add(new ClientCertificate(Objects.requireNonNullElse(thumbprint, ""),
                    Objects.requireNonNullElse(content, "")));
        }
        return certificates;
    }

    private static MqttConnectProperties mqttConnect(JsonObject mqtt) {
        return new MqttConnectProperties(integer(mqtt, "protocolVersion", "mqtt."),
                string(mqtt, "username", "mqtt."), string(mqtt, "password", "mqtt."),
                userProperties(mqtt, "mqtt."));
    }

    private static List<MqttUserProperty> userProperties(JsonObject parent, String where) {
        List<MqttUserProperty> properties = new ArrayList<>();
        for (JsonValue value : array(parent, "userProperties", where)) {
            if (!(value instanceof JsonObject p)) {
                throw new IllegalArgumentException("'" + where + "userProperties' must be an array of objects");
            }
            String name = string(p, "name", where + "userProperties[].");
            String v = string(p, "value", where + "userProperties[].");
            if (name == null || v == null) {
                throw new IllegalArgumentException("'" + where + "userProperties[]' needs a name and a value");
            }
            properties.add(new MqttUserProperty(name, v));
        }
        return properties;
    }

    private static int integer(JsonObject parent, String name, String where) {
        if (!(parent.get(name) instanceof JsonNumber number)) {
            throw new IllegalArgumentException("'" + where + name + "' must be a number");
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + where + name + "' must be an integer");
        }
    }

    /** A member that must be an object when present (absent or null: empty). */
    private static JsonObject object(JsonObject parent, String name, String where) {
        return member(parent, name, where, JsonObject.class, "a JSON object", JsonValue.EMPTY_JSON_OBJECT);
    }

    /** A member that must be an array when present (absent or null: empty). */
    private static JsonArray array(JsonObject parent, String name, String where) {
        return member(parent, name, where, JsonArray.class, "a JSON array", JsonValue.EMPTY_JSON_ARRAY);
    }

    /** A member that must be a string when present (absent or null: null). */
    private static String string(JsonObject parent, String name, String where) {
        JsonString value = member(parent, name, where, JsonString.class, "a JSON string", null);
        return value == null ? null : value.getString();
    }

    private static <T extends JsonValue> T member(JsonObject parent, String name, String where, Class<T> type,
            String what, T absent) {
        JsonValue value = parent.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return absent;
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("'" + where + name + "' must be " + what);
        }
        return type.cast(value);
    }
}
