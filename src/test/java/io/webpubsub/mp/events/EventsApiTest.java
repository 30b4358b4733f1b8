package io.webpubsub.mp.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class EventsApiTest {

    static ConnectionContext context() {
        return ConnectionContext.builder("chat", "c1").event("azure.webpubsub.sys.connect", "connect")
                .cloudEvent("0", "/hubs/chat/client/c1", null).state(Map.of("token", "s3cret")).build();
    }

    @Test
    void connectResponsesAreImmutableAndKeepTokenValuesByDefault() {
        ConnectResponse accept = ConnectResponse.accept();
        ConnectResponse alice = accept.withUserId("alice").withGroups("g").withRoles(List.of());
        assertEquals(Optional.empty(), accept.userId());
        assertEquals(Optional.empty(), accept.groups());
        assertEquals(Optional.of("alice"), alice.userId());
        assertEquals(Optional.of(List.of("g")), alice.groups());
        assertEquals(Optional.of(List.of()), alice.roles());
        assertSame(accept, ConnectResponse.accept());
        assertEquals("The subprotocol must not be empty; do not set one to use none",
                assertThrows(IllegalArgumentException.class, () -> accept.withSubprotocol("")).getMessage());
        assertFalse(accept.withState(Map.of("k", "secret-value")).toString().contains("secret-value"));
    }

    @Test
    void rejectionsAllowOnlyTheDocumentedStatuses() {
        assertEquals(401, EventRejectedException.unauthorized("x").status());
        assertEquals(OptionalInt.of(0x8A), EventRejectedException.forbidden("x").withMqttCode(0x8A).mqttCode());
        assertEquals("x", EventRejectedException.forbidden("x").withMqttCode(0x8A).getMessage());
        assertEquals("The status of a rejection must be 400, 401, 403 or 500, not 404",
                assertThrows(IllegalArgumentException.class, () -> new EventRejectedException(404, "x"))
                        .getMessage());
        assertEquals("An MQTT code must be from 1 to 255, not 256", assertThrows(IllegalArgumentException.class,
                () -> EventRejectedException.badRequest("x").withMqttCode(256)).getMessage());
        assertEquals("", new EventRejectedException(500, null).getMessage());
    }

    @Test
    void eventDataCopiesAndNeverPrintsContent() {
        byte[] bytes = {1, 2};
        EventData data = EventData.binary(bytes);
        bytes[0] = 9;
        assertArrayEquals(new byte[] {1, 2}, data.asBytes());
        assertEquals("EventData[TEXT, 6 bytes]", EventData.text("secret").toString());
        assertEquals(EventData.json("{}"), EventData.of(EventData.Type.JSON, "{}".getBytes()));
        assertEquals("A reply must be text, JSON or binary, not protobuf", assertThrows(
                IllegalArgumentException.class, () -> UserEventResponse.reply(EventData.of(EventData.Type.PROTOBUF,
                        new byte[0]))).getMessage());
    }

    @Test
    void eventsNeverPrintSecrets() {
        ConnectEvent event = new ConnectEvent(context(), Map.of("secret-claim", List.of("v")),
                Map.of("access_token", List.of("tok")), Map.of("Authorization", List.of("Bearer tok")), List.of(),
                List.of(), new MqttConnectProperties(5, "u", "cGFzcw==", List.of()));
        String text = event.toString() + event.mqtt().orElseThrow();
        assertFalse(text.contains("tok") || text.contains("cGFzcw==") || text.contains("s3cret")
                || text.contains("secret-claim"), text);
        assertEquals(List.of("Bearer tok"), event.headers().get("authorization"), "headers ignore case");
        assertTrue(context().toString().startsWith("ConnectionContext[hub=chat, connectionId=c1"));
    }
}
