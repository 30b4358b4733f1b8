package io.webpubsub.emulator.impl.ws;

import io.webpubsub.emulator.impl.Engine;
import io.webpubsub.emulator.impl.Names;
import io.webpubsub.emulator.impl.hub.ClientConnection;
import io.webpubsub.emulator.impl.hub.Delivery;
import io.webpubsub.emulator.impl.hub.Frames;
import io.webpubsub.emulator.impl.hub.Payload;
import io.webpubsub.emulator.impl.hub.Payload.DataType;
import io.webpubsub.emulator.impl.hub.Permissions.Kind;
import io.webpubsub.emulator.impl.upstream.Upstream;
import io.webpubsub.emulator.impl.Jsons;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/** Handles what clients send: the JSON subprotocol messages and raw frames. */
final class ClientMessages {
    private static final int INVALID_PAYLOAD = 1007;
    private static final int UNSUPPORTED_DATA = 1003;
    private static final int SERVER_ERROR = 1011;
    /** The requests that carry an ack id the service de-duplicates. */
    private static final Set<String> ACKNOWLEDGED = Set.of("joinGroup", "leaveGroup", "sendToGroup", "event");

    private final Engine engine;

    ClientMessages(Engine engine) {
        this.engine = engine;
    }

    /** Raw-client mode fixed at connect time ({@code webpubsub_mode}); group null means send events. */
    record RawMode(String group, boolean noEcho) {
    }

    private final java.util.Map<String, RawMode> rawModes = new java.util.concurrent.ConcurrentHashMap<>();

    void rawMode(ClientConnection c, RawMode mode) {
        if (mode.group() != null) {
            rawModes.put(c.id(), mode);
        }
    }

    void forget(ClientConnection c) {
        rawModes.remove(c.id());
    }

    void onBinary(ClientConnection c, byte[] bytes) {
        if (c.protocol() == ClientConnection.Protocol.RAW) {
            raw(c, new Payload(DataType.BINARY, bytes));
        } else {
            engine.end(c, "Binary frames are not supported by " + c.subprotocol(), UNSUPPORTED_DATA);
        }
    }

    void onText(ClientConnection c, String text) {
        if (c.protocol() == ClientConnection.Protocol.RAW) {
            raw(c, Payload.text(text));
            return;
        }
        JsonValue v;
        try (var reader = Jsons.PROVIDER.createReader(new StringReader(text))) {
            v = reader.readValue();
        } catch (RuntimeException | StackOverflowError e) {
            // any parser failure, its nesting limit included, is the client's invalid payload, not a server error
            engine.end(c, "Invalid message: not valid JSON", INVALID_PAYLOAD);
            return;
        }
        JsonObject m;
        try {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new BadMessage("The message must be a JSON object");
            }
            m = v.asJsonObject();
            if (!(m.get("type") instanceof JsonString)) {
                throw new BadMessage("The message has no type");
            }
            dispatch(c, m, ackId(m));
        } catch (BadMessage e) {
            engine.end(c, "Invalid message: " + e.getMessage(), INVALID_PAYLOAD);
        }
    }

    private static Long ackId(JsonObject m) {
        JsonValue v = m.get("ackId");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegral() && n.bigIntegerValue().signum() >= 0
                && n.bigIntegerValue().bitLength() <= 63) {
            return n.longValue();
        }
        throw new BadMessage("ackId must be an unsigned integer");
    }

    private void dispatch(ClientConnection c, JsonObject m, Long ackId) {
        String type = m.getString("type");
        if (ACKNOWLEDGED.contains(type) && duplicate(c, ackId)) {
            return;
        }
        switch (type) {
            case "joinGroup", "leaveGroup" -> joinOrLeave(c, m, ackId, type.equals("joinGroup"));
            case "sendToGroup" -> sendToGroup(c, m, ackId);
            case "event" -> event(c, m, ackId);
            case "sequenceAck" -> sequenceAck(c, m);
            case "ping" -> c.send(Frames.pong());
            default -> throw new BadMessage("Unknown message type '" + type + "'");
        }
    }

    private void joinOrLeave(ClientConnection c, JsonObject m, Long ackId, boolean join) {
        String group = stringField(m, "group");
        String error = Names.groupError(group);
        if (error != null) {
            nack(c, ackId, "BadRequest", error);
        } else if (!c.permissions().allows(Kind.JOIN_LEAVE_GROUP, group)) {
            nack(c, ackId, "Forbidden", "The connection does not have permission to " + (join ? "join" : "leave")
                    + " group '" + group + "'.");
        } else {
            if (join) {
                engine.join(c, group);
            } else {
                engine.leave(c, group);
            }
            ack(c, ackId);
        }
    }

    private void sendToGroup(ClientConnection c, JsonObject m, Long ackId) {
        String group = stringField(m, "group");
        String error = Names.groupError(group);
        if (error != null) {
            nack(c, ackId, "BadRequest", error);
            return;
        }
        if (!c.permissions().allows(Kind.SEND_TO_GROUP, group)) {
            nack(c, ackId, "Forbidden", "The connection does not have permission to send to group '" + group + "'.");
            return;
        }
        Payload payload;
        try {
            payload = payload(m);
        } catch (BadData e) {
            nack(c, ackId, "BadRequest", e.getMessage());
            return;
        }
        JsonValue ttl = m.getOrDefault("ttlSeconds", JsonValue.NULL);
        if (ttl != JsonValue.NULL && !(ttl instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 0
                && n.longValue() <= 300)) {
            nack(c, ackId, "BadRequest", "'ttlSeconds' must be a whole number of seconds from 0 to 300.");
            return;
        }
        int ttlSeconds = ttl instanceof JsonNumber n ? n.intValue() : 0;
        boolean noEcho = m.get("noEcho") == JsonValue.TRUE;
        engine.publish(c.hub(), "connection " + c.id() + " sent to group " + group, engine.hub(c.hub()).group(group),
                new Delivery(group, c.userId(), payload, ttlSeconds), target -> !(noEcho && target == c));
        ack(c, ackId);
    }

    private void event(ClientConnection c, JsonObject m, Long ackId) {
        String event = stringField(m, "event");
        String error = Names.eventError(event);
        Payload payload;
        try {
            if (error != null) {
                throw new BadData(error);
            }
            payload = payload(m);
        } catch (BadData e) {
            nack(c, ackId, "BadRequest", e.getMessage());
            return;
        }
        engine.userEvent(c, event, payload).whenComplete((reply, failure) -> {
            if (failure != null || reply == null || !reply.ok()) {
                nack(c, ackId, "InternalServerError", reply == null && failure == null
                        ? "No event handler is configured for event '" + event + "'."
                        : "The event handler failed to handle event '" + event + "'.");
                return;
            }
            deliverReply(c, reply);
            ack(c, ackId);
        });
    }

    private static void sequenceAck(ClientConnection c, JsonObject m) {
        if (!(m.get("sequenceId") instanceof JsonNumber n) || !n.isIntegral()) {
            throw new BadMessage("sequenceAck needs an integer sequenceId");
        }
        if (c.protocol() == ClientConnection.Protocol.RELIABLE) {
            c.sequenceAck(n.longValue());
        }
    }

    private void raw(ClientConnection c, Payload payload) {
        RawMode mode = rawModes.get(c.id());
        if (mode != null) {
            if (c.permissions().allows(Kind.SEND_TO_GROUP, mode.group())) {
                engine.publish(c.hub(), "connection " + c.id() + " sent to group " + mode.group(),
                        engine.hub(c.hub()).group(mode.group()), new Delivery(mode.group(), c.userId(), payload),
                        target -> !(mode.noEcho() && target == c));
            } else {
                engine.trace().log(c.hub(), "connection " + c.id() + " may not send to group " + mode.group()
                        + "; frame dropped");
            }
            return;
        }
        engine.userEvent(c, "message", payload).whenComplete((reply, failure) -> {
            if (failure != null || reply == null || !reply.ok()) {
                engine.end(c, "The message could not be handled", SERVER_ERROR);
                return;
            }
            deliverReply(c, reply);
        });
    }

    /** Sends a user-event reply's body, if it has one, back to the connection that raised the event. */
    private static void deliverReply(ClientConnection c, Upstream.Reply reply) {
        if (reply.body() == null || reply.body().length == 0) {
            return;
        }
        DataType type = DataType.ofContentType(reply.contentType());
        if (type == null) {
            String ct = reply.contentType() == null ? "" : reply.contentType().toLowerCase(Locale.ROOT);
            type = ct.startsWith("text/") ? DataType.TEXT : ct.contains("json") ? DataType.JSON : DataType.BINARY;
        }
        if (type == DataType.JSON && !Jsons.isJson(reply.body())) {
            type = DataType.TEXT;
        }
        c.deliver(new Delivery(null, null, new Payload(type, reply.body())));
    }

    private static Payload payload(JsonObject m) {
        JsonValue typeValue = m.get("dataType");
        DataType type = typeValue == null || typeValue.getValueType() == JsonValue.ValueType.NULL ? DataType.JSON
                : typeValue instanceof JsonString s ? DataType.ofWireName(s.getString()) : null;
        if (type == null) {
            throw new BadData("dataType must be one of json, text, binary");
        }
        JsonValue data = m.get("data");
        if (data == null || data.getValueType() == JsonValue.ValueType.NULL) {
            throw new BadData("data is required");
        }
        switch (type) {
            case JSON:
                return new Payload(DataType.JSON, data.toString().getBytes(StandardCharsets.UTF_8));
            case TEXT:
                if (data instanceof JsonString s) {
                    return Payload.text(s.getString());
                }
                throw new BadData("data must be a string for dataType text");
            default:
                if (data instanceof JsonString s) {
                    try {
                        return new Payload(DataType.BINARY, Base64.getDecoder().decode(s.getString()));
                    } catch (IllegalArgumentException e) {
                        throw new BadData("data must be base64 for dataType binary");
                    }
                }
                throw new BadData("data must be a base64 string for dataType binary");
        }
    }

    private static String stringField(JsonObject m, String name) {
        JsonValue v = m.get(name);
        return v instanceof JsonString s ? s.getString() : null;
    }

    private boolean duplicate(ClientConnection c, Long ackId) {
        if (ackId != null && c.ackProcessed(ackId)) {
            c.send(Frames.nack(ackId, "Duplicate", "Message with ack-id: " + ackId + " has been processed"));
            return true;
        }
        return false;
    }

    private static void ack(ClientConnection c, Long ackId) {
        if (ackId != null) {
            c.markAckProcessed(ackId);
            c.send(Frames.ack(ackId));
        }
    }

    private static void nack(ClientConnection c, Long ackId, String name, String message) {
        if (ackId != null) {
            c.send(Frames.nack(ackId, name, message));
        }
    }

    /** A message that breaks the protocol: the connection is closed with 1007. */
    private static final class BadMessage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadMessage(String message) {
            super(message, null, false, false);
        }
    }

    /** A message whose data is invalid: answered with a BadRequest ack. */
    private static final class BadData extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadData(String message) {
            super(message, null, false, false);
        }
    }
}
