package io.webpubsub.emulator;

import io.webpubsub.emulator.support.Rest;
import io.webpubsub.emulator.support.WsClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonProtocolTest {
    private static final String JSON = "json.webpubsub.azure.v1";
    static WebPubSubEmulator emulator;
    static Rest rest;

    @BeforeAll
    static void start() {
        emulator = WebPubSubEmulator.builder().start();
        rest = new Rest(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void connectedMessageComesFirst() {
        try (WsClient c = WsClient.connect(rest.clientUrl("hub1", "alice", List.of(), List.of()), JSON)) {
            assertEquals(JSON, c.subprotocol());
            JsonObject m = c.nextJson();
            assertEquals("system", m.getString("type"));
            assertEquals("connected", m.getString("event"));
            assertEquals("alice", m.getString("userId"));
            assertEquals(32, m.getString("connectionId").length());
            assertTrue(!m.containsKey("reconnectionToken"));
        }
    }

    @Test
    void joinSendAndEcho() {
        String url = rest.clientUrl("hub2", "bob", List.of("webpubsub.joinLeaveGroup", "webpubsub.sendToGroup"), List.of());
        try (WsClient a = WsClient.connect(url, JSON); WsClient b = WsClient.connect(url, JSON)) {
            a.nextJson();
            b.nextJson();
            a.send("{\"type\":\"joinGroup\",\"group\":\"g\",\"ackId\":1}");
            assertEquals("{\"type\":\"ack\",\"ackId\":1,\"success\":true}", a.nextText());
            b.send("{\"type\":\"joinGroup\",\"group\":\"g\",\"ackId\":1}");
            assertEquals("{\"type\":\"ack\",\"ackId\":1,\"success\":true}", b.nextText());
            a.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":2,\"dataType\":\"text\",\"data\":\"hi\"}");
            String expected = "{\"type\":\"message\",\"from\":\"group\",\"group\":\"g\",\"fromUserId\":\"bob\",\"dataType\":\"text\",\"data\":\"hi\"}";
            List<String> aFrames = List.of(a.nextText(), a.nextText());
            assertTrue(aFrames.contains(expected), aFrames.toString());
            assertTrue(aFrames.contains("{\"type\":\"ack\",\"ackId\":2,\"success\":true}"), aFrames.toString());
            assertEquals(expected, b.nextText());
            var r = rest.call("POST", "/api/hubs/hub2/groups/g/:send?api-version=2024-12-01", "application/json", "{\"x\":1}");
            assertEquals(202, r.statusCode());
            String server = "{\"type\":\"message\",\"from\":\"group\",\"group\":\"g\",\"dataType\":\"json\",\"data\":{\"x\":1}}";
            assertEquals(server, a.nextText());
            assertEquals(server, b.nextText());
        }
    }
}
