package io.webpubsub.emulator;

import io.webpubsub.emulator.impl.auth.Jwt;
import io.webpubsub.emulator.support.Rest;
import io.webpubsub.emulator.support.WsClient;
import io.webpubsub.emulator.impl.Jsons;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WebSocket endpoint: handshakes, the JSON subprotocol's messages, permissions from roles, bad input. */
class JsonProtocolTest {
    private static final String JSON = "json.webpubsub.azure.v1";
    private static final String V = "?api-version=2024-12-01";
    private static final AtomicInteger HUBS = new AtomicInteger();
    static WebPubSubEmulator emulator;
    static Rest rest;

    @BeforeAll
    static void start() {
        emulator = WebPubSubEmulator.builder().anonymousConnect("open").start();
        rest = new Rest(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static String hub() {
        return "ws" + HUBS.incrementAndGet();
    }

    private static WsClient json(String hub, String user, List<String> roles, List<String> groups) {
        WsClient c = WsClient.connect(rest.clientUrl(hub, user, roles, groups), JSON);
        c.nextJson();
        return c;
    }

    private static String ack(long id) {
        return "{\"type\":\"ack\",\"ackId\":" + id + ",\"success\":true}";
    }

    // ---- handshake -------------------------------------------------------------------------------------------------

    @Test
    void connectedMessageComesFirst() {
        try (WsClient c = WsClient.connect(rest.clientUrl("hub1", "alice", List.of(), List.of()), "foo", JSON)) {
            assertEquals(JSON, c.subprotocol());
            JsonObject m = c.nextJson();
            assertEquals("system", m.getString("type"));
            assertEquals("connected", m.getString("event"));
            assertEquals("alice", m.getString("userId"));
            assertTrue(m.getString("connectionId").matches("[0-9a-f]{32}"));
            assertFalse(m.containsKey("reconnectionToken"));
        }
    }

    @Test
    void tokenInAuthorizationHeaderAndHubInQuery() {
        String token = rest.clientToken("qhub", "hdr", List.of(), List.of());
        try (WsClient c = WsClient.connectWithAuth(emulator.endpoint().replace("http", "ws") + "/client/?hub=qhub",
                "Bearer " + token, JSON)) {
            assertEquals("hdr", c.nextJson().getString("userId"));
        }
        try (WsClient c = WsClient.connect(emulator.endpoint().replace("http", "ws") + "/client?hub=QHub&access_token="
                + token, JSON)) {
            assertEquals("hdr", c.nextJson().getString("userId"));
        }
    }

    @Test
    void handshakeRefusals() {
        String ws = emulator.endpoint().replace("http", "ws");
        assertEquals(401, WsClient.handshakeStatus(ws + "/client/hubs/h1", JSON));
        assertEquals(401, WsClient.handshakeStatus(ws + "/client/hubs/h1?access_token=garbage", JSON));
        String otherHub = rest.clientToken("h2", "u", List.of(), List.of());
        assertEquals(401, WsClient.handshakeStatus(ws + "/client/hubs/h1?access_token=" + otherHub, JSON));
        String wrongKey = new Rest(emulator, "K".repeat(40)).clientToken("h1", "u", List.of(), List.of());
        assertEquals(401, WsClient.handshakeStatus(ws + "/client/hubs/h1?access_token=" + wrongKey, JSON));
        long now = Instant.now().getEpochSecond();
        String expired = Jwt.sign(Jsons.PROVIDER.createObjectBuilder()
                .add("aud", emulator.endpoint() + "/client/hubs/h1")
                .add("exp", now - 301).build(), WebPubSubEmulator.DEFAULT_ACCESS_KEY);
        assertEquals(401, WsClient.handshakeStatus(ws + "/client/hubs/h1?access_token=" + expired, JSON));
        String badGroup = rest.clientToken("h1", "u", List.of(), List.of(" "));
        assertEquals(400, WsClient.handshakeStatus(ws + "/client/hubs/h1?access_token=" + badGroup, JSON));
        assertEquals(400, WsClient.handshakeStatus(ws + "/client/hubs/9bad?access_token=" + badGroup, JSON));
        assertEquals(404, WsClient.handshakeStatus(ws + "/client/other/h1", JSON));
        assertEquals(400, WsClient.handshakeStatus(ws + "/client/", JSON));
        var plain = Rest.send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/client/hubs/h1")).build());
        assertEquals(400, plain.statusCode());
        assertEquals("This endpoint accepts WebSocket requests only.", plain.body());
    }

    @Test
    void lenientClientAudiences() {
        long now = Instant.now().getEpochSecond();
        String ws = emulator.endpoint().replace("http", "ws");
        for (String aud : List.of(ws + "/client/hubs/aud", emulator.endpoint() + "/client/hubs/AUD/",
                emulator.endpoint().replace("127.0.0.1", "127.0.0.1") + "/client/hubs/aud")) {
            String token = Jwt.sign(Jsons.PROVIDER.createObjectBuilder().add("aud", aud).add("exp", now + 60).build(),
                    WebPubSubEmulator.DEFAULT_ACCESS_KEY);
            try (WsClient c = WsClient.connect(ws + "/client/hubs/aud?access_token=" + token, JSON)) {
                assertEquals("connected", c.nextJson().getString("event"));
            }
        }
    }

    @Test
    void anonymousConnectIsPerHub() {
        String ws = emulator.endpoint().replace("http", "ws");
        try (WsClient c = WsClient.connect(ws + "/client/hubs/open", JSON)) {
            String connected = c.nextText();
            assertTrue(connected.startsWith("{\"type\":\"system\",\"event\":\"connected\",\"userId\":null,"
                    + "\"connectionId\":\""),
                    connected);
        }
        assertEquals(401, WsClient.handshakeStatus(ws + "/client/hubs/closed", JSON));
    }

    @Test
    void noSubprotocolMeansRawClient() {
        try (WsClient c = WsClient.connect(rest.clientUrl("rawhub", "r", List.of(), List.of()))) {
            assertEquals("", c.subprotocol());
            rest.call("POST", "/api/hubs/rawhub/users/r/:send" + V, "text/plain", "plain");
            assertEquals("plain", c.nextText());
        }
    }

    // ---- messages --------------------------------------------------------------------------------------------------

    @Test
    void joinSendLeaveWithEchoAndNoEcho() {
        String hub = hub();
        List<String> roles = List.of("webpubsub.joinLeaveGroup", "webpubsub.sendToGroup");
        try (WsClient a = json(hub, "bob", roles, List.of()); WsClient b = json(hub, "bea", roles, List.of())) {
            a.send("{\"type\":\"joinGroup\",\"group\":\"g\",\"ackId\":1}");
            assertEquals(ack(1), a.nextText());
            b.send("{\"type\":\"joinGroup\",\"group\":\"g\",\"ackId\":1}");
            assertEquals(ack(1), b.nextText());
            a.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":2,\"dataType\":\"text\",\"data\":\"hi\"}");
            String expected = "{\"type\":\"message\",\"from\":\"group\",\"group\":\"g\",\"fromUserId\":\"bob\","
                    + "\"dataType\":\"text\",\"data\":\"hi\"}";
            assertEquals(expected, a.nextText());
            assertEquals(ack(2), a.nextText());
            assertEquals(expected, b.nextText());
            a.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":3,\"noEcho\":true,\"data\":{\"n\":[1,2]}}");
            assertEquals(ack(3), a.nextText());
            assertEquals("{\"type\":\"message\",\"from\":\"group\",\"group\":\"g\",\"fromUserId\":\"bob\","
                    + "\"dataType\":\"json\",\"data\":{\"n\":[1,2]}}",
                    b.nextText());
            a.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":4,\"ttlSeconds\":301,\"data\":1}");
            assertEquals("{\"type\":\"ack\",\"ackId\":4,\"success\":false,\"error\":{\"name\":\"BadRequest\","
                    + "\"message\":\"'ttlSeconds' must be a whole number of seconds from 0 to 300.\"}}", a.nextText());
            a.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":5,\"ttlSeconds\":30,\"noEcho\":true,"
                    + "\"data\":2}");
            assertEquals(ack(5), a.nextText());
            assertEquals(2, b.nextJson().getInt("data"));
            a.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"noEcho\":true,\"dataType\":\"binary\","
                    + "\"data\":\"AQID\"}");
            assertEquals("{\"type\":\"message\",\"from\":\"group\",\"group\":\"g\",\"fromUserId\":\"bob\","
                    + "\"dataType\":\"binary\",\"data\":\"AQID\"}",
                    b.nextText());
            a.assertNoFrame(200);
            b.send("{\"type\":\"leaveGroup\",\"group\":\"g\",\"ackId\":2}");
            assertEquals(ack(2), b.nextText());
            a.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"dataType\":\"text\",\"data\":\"after\"}");
            assertEquals("after", a.nextJson().getString("data"));
            b.assertNoFrame(200);
        }
    }

    @Test
    void pingPong() {
        try (WsClient a = json(hub(), "p", List.of(), List.of())) {
            a.send("{\"type\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", a.nextText());
        }
    }

    @Test
    void duplicateAckIdsAreDetectedOnlyAfterSuccess() {
        try (WsClient a = json(hub(), "d", List.of("webpubsub.joinLeaveGroup.ok"), List.of())) {
            a.send("{\"type\":\"joinGroup\",\"group\":\"nope\",\"ackId\":7}");
            assertEquals("{\"type\":\"ack\",\"ackId\":7,\"success\":false,\"error\":{\"name\":\"Forbidden\","
                    + "\"message\":"
                    + "\"The connection does not have permission to join group 'nope'.\"}}", a.nextText());
            a.send("{\"type\":\"joinGroup\",\"group\":\"ok\",\"ackId\":7}");
            assertEquals(ack(7), a.nextText());
            a.send("{\"type\":\"leaveGroup\",\"group\":\"ok\",\"ackId\":7}");
            assertEquals("{\"type\":\"ack\",\"ackId\":7,\"success\":false,\"error\":{\"name\":\"Duplicate\","
                    + "\"message\":"
                    + "\"Message with ack-id: 7 has been processed\"}}", a.nextText());
        }
    }

    @Test
    void badRequestAcks() {
        try (WsClient a = json(hub(), "b", List.of("webpubsub.joinLeaveGroup", "webpubsub.sendToGroup"), List.of())) {
            a.send("{\"type\":\"joinGroup\",\"group\":\"\",\"ackId\":1}");
            assertEquals("BadRequest", a.nextJson().getJsonObject("error").getString("name"));
            a.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":2,\"dataType\":\"text\",\"data\":5}");
            assertEquals("{\"type\":\"ack\",\"ackId\":2,\"success\":false,\"error\":{\"name\":\"BadRequest\","
                    + "\"message\":"
                    + "\"data must be a string for dataType text\"}}", a.nextText());
            a.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":3,\"dataType\":\"xml\",\"data\":\"x\"}");
            assertEquals("dataType must be one of json, text, binary",
                    a.nextJson().getJsonObject("error").getString("message"));
            a.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":4,\"dataType\":\"binary\",\"data\":\"***\"}");
            assertEquals("data must be base64 for dataType binary", a.nextJson().getJsonObject("error")
                    .getString("message"));
            a.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":5}");
            assertEquals("data is required", a.nextJson().getJsonObject("error").getString("message"));
            a.send("{\"type\":\"event\",\"event\":\"9x\",\"ackId\":6,\"data\":1}");
            assertEquals("BadRequest", a.nextJson().getJsonObject("error").getString("name"));
            // without ackId failures are silent
            a.send("{\"type\":\"joinGroup\",\"group\":\"\"}");
            a.assertNoFrame(200);
        }
    }

    @Test
    void eventWithoutHandlerGetsInternalServerError() {
        try (WsClient a = json(hub(), "e", List.of(), List.of())) {
            a.send("{\"type\":\"event\",\"event\":\"hello\",\"ackId\":1,\"dataType\":\"text\",\"data\":\"x\"}");
            assertEquals("{\"type\":\"ack\",\"ackId\":1,\"success\":false,\"error\":{\"name\":\"InternalServerError\","
                    + "\"message\":\"No event handler is configured for event 'hello'.\"}}", a.nextText());
        }
    }

    // ---- permissions from roles ------------------------------------------------------------------------------------

    @Test
    void noRolesMeansNoGroupActions() {
        try (WsClient a = json(hub(), "n", List.of(), List.of())) {
            a.send("{\"type\":\"joinGroup\",\"group\":\"g\",\"ackId\":1}");
            assertEquals("Forbidden", a.nextJson().getJsonObject("error").getString("name"));
            a.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":2,\"data\":1}");
            assertEquals("{\"type\":\"ack\",\"ackId\":2,\"success\":false,\"error\":{\"name\":\"Forbidden\","
                    + "\"message\":"
                    + "\"The connection does not have permission to send to group 'g'.\"}}", a.nextText());
        }
    }

    @Test
    void perGroupRolesAreExactAndCaseSensitive() {
        try (WsClient a = json(hub(), "x", List.of("webpubsub.joinLeaveGroup.room", "webpubsub.sendToGroup.room"),
                List.of())) {
            a.send("{\"type\":\"joinGroup\",\"group\":\"room\",\"ackId\":1}");
            assertEquals(ack(1), a.nextText());
            a.send("{\"type\":\"joinGroup\",\"group\":\"Room\",\"ackId\":2}");
            assertEquals("Forbidden", a.nextJson().getJsonObject("error").getString("name"));
            a.send("{\"type\":\"sendToGroup\",\"group\":\"room\",\"ackId\":3,\"noEcho\":true,\"data\":1}");
            assertEquals(ack(3), a.nextText());
            a.send("{\"type\":\"sendToGroup\",\"group\":\"room2\",\"ackId\":4,\"data\":1}");
            assertEquals("Forbidden", a.nextJson().getJsonObject("error").getString("name"));
        }
    }

    @Test
    void wildcardRoles() {
        try (WsClient a = json(hub(), "w", List.of("webpubsub.joinLeaveGroups.room.*",
                "webpubsub.sendToGroups.chat.**"), List.of())) {
            a.send("{\"type\":\"joinGroup\",\"group\":\"room.1\",\"ackId\":1}");
            assertEquals(ack(1), a.nextText());
            a.send("{\"type\":\"joinGroup\",\"group\":\"room.1.x\",\"ackId\":2}");
            assertEquals("Forbidden", a.nextJson().getJsonObject("error").getString("name"));
            a.send("{\"type\":\"sendToGroup\",\"group\":\"chat.a.b\",\"ackId\":3,\"data\":1}");
            assertEquals(ack(3), a.nextText());
        }
        String ws = emulator.endpoint().replace("http", "ws");
        String tooManyStars = rest.clientToken("wild", "w", List.of("webpubsub.joinLeaveGroups.******"), List.of());
        assertEquals(400, WsClient.handshakeStatus(ws + "/client/hubs/wild?access_token=" + tooManyStars, JSON));
    }

    @Test
    void initialGroupsNeedNoPermission() {
        String hub = hub();
        try (WsClient a = json(hub, "i", List.of(), List.of("g1", "g2"))) {
            rest.call("POST", "/api/hubs/" + hub + "/groups/g2/:send" + V, "text/plain", "m");
            assertEquals("g2", a.nextJson().getString("group"));
            a.send("{\"type\":\"leaveGroup\",\"group\":\"g1\",\"ackId\":1}");
            assertEquals("Forbidden", a.nextJson().getJsonObject("error").getString("name"));
        }
    }

    // ---- bad input -------------------------------------------------------------------------------------------------

    @Test
    void malformedJsonClosesWith1007AfterDisconnected() {
        String hub = hub();
        try (WsClient a = json(hub, "m", List.of(), List.of())) {
            a.send("{not json");
            assertEquals("{\"type\":\"system\",\"event\":\"disconnected\",\"message\":\"Invalid message: not valid "
                    + "JSON\"}", a.nextText());
            assertEquals("1007 Invalid message: not valid JSON", a.awaitClose());
        }
        try (WsClient a = json(hub, "m", List.of(), List.of())) {
            a.send("{\"type\":\"dance\"}");
            a.nextJson();
            assertEquals("1007 Invalid message: Unknown message type 'dance'", a.awaitClose());
        }
        try (WsClient a = json(hub, "m", List.of(), List.of())) {
            a.send("[1]");
            a.nextJson();
            assertEquals("1007 Invalid message: The message must be a JSON object", a.awaitClose());
        }
        try (WsClient a = json(hub, "m", List.of(), List.of())) {
            a.send("{\"type\":\"ping\",\"ackId\":-1}");
            a.nextJson();
            assertEquals("1007 Invalid message: ackId must be an unsigned integer", a.awaitClose());
        }
        assertEquals(404, rest.awaitStatus(404, "HEAD", "/api/hubs/" + hub + "/users/m" + V));
    }

    @Test
    void binaryFrameOnJsonProtocolClosesWith1003() {
        try (WsClient a = json(hub(), "b", List.of(), List.of())) {
            a.sendBinary(new byte[]{1, 2});
            a.nextJson();
            assertEquals("1003 Binary frames are not supported by json.webpubsub.azure.v1", a.awaitClose());
        }
    }

    @Test
    void oversizedFrameClosesWith1009() {
        try (WsClient a = json(hub(), "o", List.of(), List.of())) {
            a.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}");
            assertTrue(a.awaitClose().startsWith("1009"));
        }
    }
}
