package io.webpubsub.emulator;

import io.webpubsub.emulator.support.Rest;
import io.webpubsub.emulator.support.WsClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code json.reliable.webpubsub.azure.v1}: sequence ids, sequenceAck, recovery and replay. */
class ReliableProtocolTest {
    private static final String RELIABLE = "json.reliable.webpubsub.azure.v1";
    private static final String V = "?api-version=2024-12-01";
    static WebPubSubEmulator emulator;
    static Rest rest;
    static String ws;

    @BeforeAll
    static void start() {
        emulator = WebPubSubEmulator.builder().recoveryWindow(Duration.ofSeconds(2)).start();
        rest = new Rest(emulator);
        ws = emulator.endpoint().replace("http", "ws");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static void send(String hub, String user, String text) {
        assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/users/" + user + "/:send" + V, "text/plain", text)
                .statusCode());
    }

    private static String recoveryUrl(String hub, JsonObject connected) {
        return ws + "/client/hubs/" + hub + "?awps_connection_id=" + connected.getString("connectionId")
                + "&awps_reconnection_token=" + connected.getString("reconnectionToken");
    }

    @Test
    void messagesCarrySequenceIdsAndAreReplayedAfterRecovery() {
        String hub = "rel1";
        WsClient a = WsClient.connect(rest.clientUrl(hub, "r1", List.of("webpubsub.joinLeaveGroup"),
                List.of()), RELIABLE);
        assertEquals(RELIABLE, a.subprotocol());
        JsonObject connected = a.nextJson();
        assertTrue(connected.getString("reconnectionToken").length() > 20);
        a.send("{\"type\":\"joinGroup\",\"group\":\"g\",\"ackId\":1}");
        assertEquals("{\"type\":\"ack\",\"ackId\":1,\"success\":true}", a.nextText());
        send(hub, "r1", "m1");
        send(hub, "r1", "m2");
        send(hub, "r1", "m3");
        assertEquals("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"text\",\"data\":\"m1\","
                + "\"sequenceId\":1}", a.nextText());
        assertEquals(2, a.nextJson().getInt("sequenceId"));
        assertEquals(3, a.nextJson().getInt("sequenceId"));
        a.send("{\"type\":\"sequenceAck\",\"sequenceId\":1}");
        a.send("{\"type\":\"ping\"}");
        assertEquals("{\"type\":\"pong\"}", a.nextText());
        a.abort();
        String id = connected.getString("connectionId");
        // while detached the connection is retained and keeps receiving
        assertEquals(200, rest.call("HEAD", "/api/hubs/" + hub + "/connections/" + id + V).statusCode());
        send(hub, "r1", "m4");
        assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/groups/g/:send" + V, "text/plain", "g5")
                .statusCode());
        try (WsClient b = WsClient.connect(recoveryUrl(hub, connected), RELIABLE)) {
            JsonObject again = b.nextJson();
            assertEquals("connected", again.getString("event"));
            assertEquals(id, again.getString("connectionId"));
            assertEquals("r1", again.getString("userId"));
            assertEquals("m2", b.nextJson().getString("data"));
            assertEquals("m3", b.nextJson().getString("data"));
            JsonObject m4 = b.nextJson();
            assertEquals("m4", m4.getString("data"));
            assertEquals(4, m4.getInt("sequenceId"));
            JsonObject g5 = b.nextJson();
            assertEquals("group", g5.getString("from"));
            assertEquals(5, g5.getInt("sequenceId"));
            // ack ids processed before the drop are still remembered
            b.send("{\"type\":\"joinGroup\",\"group\":\"g\",\"ackId\":1}");
            assertEquals("Duplicate", b.nextJson().getJsonObject("error").getString("name"));
            b.send("{\"type\":\"sequenceAck\",\"sequenceId\":5}");
            b.abort();
        }
        // a second recovery replays nothing that was acknowledged
        try (WsClient c = WsClient.connect(recoveryUrl(hub, connected), RELIABLE)) {
            assertEquals("connected", c.nextJson().getString("event"));
            send(hub, "r1", "m6");
            JsonObject m6 = c.nextJson();
            assertEquals("m6", m6.getString("data"));
            assertEquals(6, m6.getInt("sequenceId"));
        }
    }

    @Test
    void recoveryWithBadTokenIsClosedWith1008() {
        String hub = "rel2";
        try (WsClient a = WsClient.connect(rest.clientUrl(hub, "r2", List.of(), List.of()), RELIABLE)) {
            JsonObject connected = a.nextJson();
            WsClient bad = WsClient.connect(ws + "/client/hubs/" + hub + "?awps_connection_id="
                    + connected.getString("connectionId")
                    + "&awps_reconnection_token=forged", RELIABLE);
            assertEquals("1008 The connection cannot be recovered.", bad.awaitClose());
            WsClient other = WsClient.connect(ws + "/client/hubs/" + hub
                    + "?awps_connection_id=unknown&awps_reconnection_token="
                    + connected.getString("reconnectionToken"), RELIABLE);
            assertEquals("1008 The connection cannot be recovered.", other.awaitClose());
        }
    }

    @Test
    void recoveryWindowExpiresAndEndsTheConnection() throws InterruptedException {
        String hub = "rel3";
        WsClient a = WsClient.connect(rest.clientUrl(hub, "r3", List.of(), List.of("g")), RELIABLE);
        JsonObject connected = a.nextJson();
        a.abort();
        Thread.sleep(2000);
        // the 2 s window runs from when the server notices the abort; give a loaded machine time to get there
        for (int i = 0; i < 100 && rest.call("HEAD", "/api/hubs/" + hub + "/connections/"
                + connected.getString("connectionId")
                + V).statusCode() == 200; i++) {
            Thread.sleep(100);
        }
        assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/connections/" + connected.getString("connectionId")
                + V).statusCode());
        assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/groups/g" + V).statusCode());
        WsClient late = WsClient.connect(recoveryUrl(hub, connected), RELIABLE);
        assertEquals("1008 The connection cannot be recovered.", late.awaitClose());
    }

    @Test
    void deliberateCloseEndsAtOnce() throws InterruptedException {
        String hub = "rel4";
        WsClient a = WsClient.connect(rest.clientUrl(hub, "r4", List.of(), List.of()), RELIABLE);
        String id = a.nextJson().getString("connectionId");
        a.close();
        a.awaitClose();
        for (int i = 0; i < 50 && rest.call("HEAD", "/api/hubs/" + hub + "/connections/" + id + V)
                .statusCode() == 200; i++) {
            Thread.sleep(20);
        }
        assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/connections/" + id + V).statusCode());
    }

    @Test
    void restCloseIsNotRecoverable() {
        String hub = "rel5";
        WsClient a = WsClient.connect(rest.clientUrl(hub, "r5", List.of(), List.of()), RELIABLE);
        JsonObject connected = a.nextJson();
        rest.call("DELETE", "/api/hubs/" + hub + "/connections/" + connected.getString("connectionId") + V);
        assertEquals("disconnected", a.nextJson().getString("event"));
        a.awaitClose();
        assertEquals("1008 The connection cannot be recovered.", WsClient.connect(recoveryUrl(hub, connected), RELIABLE)
                .awaitClose());
    }

    @Test
    void permissionsSurviveRecovery() {
        String hub = "rel6";
        WsClient a = WsClient.connect(rest.clientUrl(hub, "r6", List.of(), List.of()), RELIABLE);
        JsonObject connected = a.nextJson();
        String id = connected.getString("connectionId");
        rest.call("PUT", "/api/hubs/" + hub + "/permissions/joinLeaveGroup/connections/" + id + V + "&targetName=room");
        a.abort();
        try (WsClient b = WsClient.connect(recoveryUrl(hub, connected), RELIABLE)) {
            b.nextJson();
            b.send("{\"type\":\"joinGroup\",\"group\":\"room\",\"ackId\":1}");
            assertEquals("{\"type\":\"ack\",\"ackId\":1,\"success\":true}", b.nextText());
            b.send("{\"type\":\"joinGroup\",\"group\":\"other\",\"ackId\":2}");
            assertEquals("Forbidden", b.nextJson().getJsonObject("error").getString("name"));
        }
    }
}
