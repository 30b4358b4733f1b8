package io.webpubsub.mp.impl.upstream;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import io.webpubsub.mp.events.ConnectEvent;
import io.webpubsub.mp.events.ConnectResponse;
import io.webpubsub.mp.events.EventData;
import io.webpubsub.mp.events.EventRejectedException;
import io.webpubsub.mp.events.MqttUserProperty;
import io.webpubsub.mp.events.UserEventResponse;
import io.webpubsub.mp.impl.HubNames;
import io.webpubsub.mp.impl.json.JsonCodec;

/**
 * Turns the handlers' typed answers into the service's wire format: the connect response body, user event
 * replies, refused connects and the connection state header.
 */
final class Replies {

    private Replies() {
    }

    static UpstreamReply connect(ConnectEvent event, ConnectResponse response) {
        ConnectResponse r = response == null ? ConnectResponse.accept() : response;
        Optional<String> problem = problem(event, r);
        if (problem.isPresent()) {
            String what = "The ConnectHandler of hub '" + event.context().hub() + "' returned an invalid response: "
                    + problem.get();
            UpstreamConfiguration.LOG.log(Level.WARNING, what);
            return UpstreamReply.text(500, what);
        }
        Map<String, String> headers = stateHeader(r.state());
        JsonObjectBuilder body = JsonCodec.object();
        r.userId().ifPresent(v -> body.add("userId", v));
        r.groups().ifPresent(v -> body.add("groups", JsonCodec.array(v)));
        r.roles().ifPresent(v -> body.add("roles", JsonCodec.array(v)));
        r.subprotocol().ifPresent(v -> body.add("subprotocol", v));
        r.mqttUserProperties().ifPresent(v -> body.add("mqtt",
                JsonCodec.object().add("userProperties", properties(v))));
        JsonObject json = body.build();
        return json.isEmpty() ? UpstreamReply.noContent(headers) : UpstreamReply.json(200, json, headers);
    }

    private static Optional<String> problem(ConnectEvent event, ConnectResponse r) {
        if (r.subprotocol().isPresent() && !event.subprotocols().contains(r.subprotocol().get())) {
            return Optional.of("subprotocol '" + r.subprotocol().get() + "' is not one the client offered "
                    + event.subprotocols());
        }
        for (String group : r.groups().orElse(List.of())) {
            Optional<String> groupProblem = HubNames.groupProblem(group);
            if (groupProblem.isPresent()) {
                return groupProblem;
            }
        }
        if (r.roles().orElse(List.of()).stream().anyMatch(String::isBlank)) {
            return Optional.of("a role is blank");
        }
        return Optional.empty();
    }

    static UpstreamReply user(UserEventResponse response) {
        UserEventResponse r = response == null ? UserEventResponse.noReply() : response;
        Map<String, String> headers = stateHeader(r.state());
        if (r.reply().isEmpty()) {
            return UpstreamReply.noContent(headers);
        }
        EventData data = r.reply().get();
        String contentType = switch (data.type()) {
            case TEXT -> UpstreamReply.TEXT;
            case JSON -> UpstreamReply.JSON;
            default -> data.type().mediaType();
        };
        return new UpstreamReply(200, contentType, data.asBytes(), headers);
    }

    /** A refused connect: text, or for MQTT clients the MQTT failure body with a CONNACK code. */
    static UpstreamReply rejected(ConnectEvent event, EventRejectedException rejection) {
        if (event.mqtt().isEmpty() && !"mqtt".equals(event.context().subprotocol().orElse(null))) {
            return UpstreamReply.text(rejection.status(), rejection.getMessage());
        }
        int version = event.mqtt().map(m -> m.protocolVersion()).orElse(4);
        int code = rejection.mqttCode().orElse(defaultMqttCode(rejection.status(), version));
        JsonObjectBuilder mqtt = JsonCodec.object().add("code", code).add("reason", rejection.getMessage());
        return UpstreamReply.json(rejection.status(), JsonCodec.object().add("mqtt", mqtt).build(), Map.of());
    }

    /** The official SDKs' mapping from an HTTP status to an MQTT CONNACK code (3.1.1 and 5.0 reason codes). */
    static int defaultMqttCode(int status, int protocolVersion) {
        boolean v5 = protocolVersion >= 5;
        return switch (status) {
            case 400 -> v5 ? 0x86 : 4;
            case 401, 403 -> v5 ? 0x87 : 5;
            default -> v5 ? 0x80 : 3;
        };
    }

    private static Map<String, String> stateHeader(Optional<Map<String, String>> state) {
        return UpstreamReply.header(ConnectionStates.HEADER, state.map(ConnectionStates::encode).orElse(null));
    }

    private static JsonArrayBuilder properties(List<MqttUserProperty> properties) {
        JsonArrayBuilder array = JsonCodec.array();
        properties.forEach(p -> array.add(JsonCodec.object().add("name", p.name()).add("value", p.value())));
        return array;
    }
}
