package io.webpubsub.mp.impl.upstream;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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

/**
 * Turns event bodies (spec 6.4–6.8) into the public event types. Every problem is a 400 naming the member.
 */
final class EventBodies {

    private EventBodies() {
    }

    static ConnectEvent connect(ConnectionContext context, byte[] body) {
        Map<String, Object> json = object(body);
        return guarded(() -> new ConnectEvent(context,
                multiMap(json, "claims"),
                multiMap(json, "query"),
                multiMap(json, "headers"),
                strings(Json.array(json, "subprotocols", ""), "subprotocols"),
                certificates(Json.array(json, "clientCertificates", "")),
                json.containsKey("mqtt") ? mqttConnect(Json.object(json, "mqtt", "")) : null));
    }

    static DisconnectedEvent disconnected(ConnectionContext context, byte[] body) {
        Map<String, Object> json = object(body);
        return guarded(() -> {
            String reason = Optional.ofNullable(Json.string(json, "reason", "")).orElse("");
            MqttDisconnection mqtt = null;
            if (json.containsKey("mqtt")) {
                Map<String, Object> m = Json.object(json, "mqtt", "");
                Object initiated = m.get("initiatedByClient");
                if (initiated != null && !(initiated instanceof Boolean)) {
                    throw new IllegalArgumentException("'mqtt.initiatedByClient' must be true or false");
                }
                MqttDisconnectPacket packet = null;
                if (m.get("disconnectPacket") instanceof Map) {
                    Map<String, Object> p = Json.object(m, "disconnectPacket", "mqtt.");
                    packet = new MqttDisconnectPacket(integer(p, "code", "mqtt.disconnectPacket."),
                            userProperties(p, "mqtt.disconnectPacket."));
                }
                mqtt = new MqttDisconnection(Boolean.TRUE.equals(initiated), Optional.ofNullable(packet));
            }
            return new DisconnectedEvent(context, reason, mqtt);
        });
    }

    static String group(byte[] body) {
        Map<String, Object> json = object(body);
        String group = guarded(() -> Json.string(json, "group", ""));
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
                try {
                    Json.parse(text);
                } catch (IllegalArgumentException e) {
                    throw UpstreamFailure.badRequest("The event body is not valid JSON: " + e.getMessage());
                }
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

    private static Map<String, Object> object(byte[] body) {
        if (body.length == 0) {
            return Map.of();
        }
        Object json;
        try {
            json = Json.parse(utf8(body));
        } catch (IllegalArgumentException e) {
            throw UpstreamFailure.badRequest("The event body is not valid JSON: " + e.getMessage());
        }
        if (!(json instanceof Map)) {
            throw UpstreamFailure.badRequest("The event body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) json;
        return map;
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

    private static Map<String, List<String>> multiMap(Map<String, Object> json, String name) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        Json.object(json, name, "").forEach((key, value) -> map.put(key, value instanceof String s ? List.of(s)
                : strings(value instanceof List<?> list ? list : invalid(name + "." + key), name + "." + key)));
        return map;
    }

    private static List<Object> invalid(String member) {
        throw new IllegalArgumentException("'" + member + "' must be an array of strings");
    }

    private static List<String> strings(List<?> values, String member) {
        List<String> strings = new ArrayList<>();
        for (Object value : values) {
            if (!(value instanceof String s)) {
                throw new IllegalArgumentException("'" + member + "' must be an array of strings");
            }
            strings.add(s);
        }
        return strings;
    }

    private static List<ClientCertificate> certificates(List<Object> values) {
        List<ClientCertificate> certificates = new ArrayList<>();
        for (Object value : values) {
            if (!(value instanceof Map)) {
                throw new IllegalArgumentException("'clientCertificates' must be an array of objects");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> cert = (Map<String, Object>) value;
            String thumbprint = Json.string(cert, "thumbprint", "clientCertificates[].");
            String content = Json.string(cert, "content", "clientCertificates[].");
            certificates.add(new ClientCertificate(thumbprint == null ? "" : thumbprint,
                    content == null ? "" : content));
        }
        return certificates;
    }

    private static MqttConnectProperties mqttConnect(Map<String, Object> mqtt) {
        return new MqttConnectProperties(integer(mqtt, "protocolVersion", "mqtt."),
                Json.string(mqtt, "username", "mqtt."), Json.string(mqtt, "password", "mqtt."),
                userProperties(mqtt, "mqtt."));
    }

    private static List<MqttUserProperty> userProperties(Map<String, Object> parent, String where) {
        List<MqttUserProperty> properties = new ArrayList<>();
        for (Object value : Json.array(parent, "userProperties", where)) {
            if (!(value instanceof Map)) {
                throw new IllegalArgumentException("'" + where + "userProperties' must be an array of objects");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) value;
            String name = Json.string(p, "name", where + "userProperties[].");
            String v = Json.string(p, "value", where + "userProperties[].");
            if (name == null || v == null) {
                throw new IllegalArgumentException("'" + where + "userProperties[]' needs a name and a value");
            }
            properties.add(new MqttUserProperty(name, v));
        }
        return properties;
    }

    private static int integer(Map<String, Object> parent, String name, String where) {
        if (!(parent.get(name) instanceof BigDecimal number)) {
            throw new IllegalArgumentException("'" + where + name + "' must be a number");
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + where + name + "' must be an integer");
        }
    }
}
