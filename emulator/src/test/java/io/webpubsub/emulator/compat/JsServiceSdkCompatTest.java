package io.webpubsub.emulator.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.webpubsub.emulator.WebPubSubEmulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code @azure/web-pubsub} 1.2.0 (service SDK) and {@code @azure/web-pubsub-client} 1.0.4, unmodified, against the
 * emulator: the JS service SDK mints the client URL, checks existence and sends to a group the client joined (text
 * and JSON); then it drives the REST operations while client SDK connections observe their effects.
 */
class JsServiceSdkCompatTest {

    private static final List<String> STEPS = List.of("sendToUser", "sendToConnection", "addUserToGroup",
            "addConnectionToGroup", "listConnectionsInGroup", "removeUserFromGroup", "removeConnectionFromGroup",
            "sendToAllExcluded", "sendToAllBinaryWithTtl", "sendToGroupPermission", "joinLeaveGroupPermission",
            "removeUserFromAllGroups", "removeConnectionFromAllGroups", "sendToAllFiltered",
            "addConnectionsToGroupsFiltered", "invalidFilter", "closeConnectionWithReason",
            "closeUserConnections", "closeGroupConnections");

    private WebPubSubEmulator emulator;

    @BeforeEach
    void start() {
        emulator = WebPubSubEmulator.builder().port(0).start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @ParameterizedTest(name = "client protocol {0}")
    @ValueSource(strings = {"reliable", "json"})
    void jsServiceSdkSendsToAGroupTheClientSdkJoined(String protocol) throws Exception {
        String group = "room-" + protocol;
        try (NodeScript node = NodeScript.start("group-message.js", Map.of(
                "WPS_CONNECTION_STRING", emulator.connectionString(),
                "WPS_HUB", "chat",
                "WPS_GROUP", group,
                "WPS_SENDER", "js",
                "WPS_PROTOCOL", protocol))) {
            node.assertDone();
            String transcript = node.transcript();

            JsonObject connected = node.await("connected", Duration.ZERO);
            assertEquals("node-user", connected.getString("userId"), transcript);
            assertFalse(connected.getString("connectionId").isEmpty(), transcript);

            JsonObject exists = node.await("exists", Duration.ZERO);
            assertTrue(exists.getBoolean("group"), transcript);
            assertTrue(exists.getBoolean("user"), transcript);
            assertTrue(exists.getBoolean("connection"), transcript);
            assertFalse(exists.getBoolean("otherGroup"), transcript);

            List<JsonObject> groupMessages = node.events("group-message");
            assertEquals(2, groupMessages.size(), transcript);
            assertMessage(groupMessages.get(0), group, "text", Json.createValue("hello from js"));
            assertMessage(groupMessages.get(1), group, "json",
                    Json.createObjectBuilder().add("from", "js").add("n", 1).build());
            for (JsonObject message : groupMessages) {
                assertFalse(message.containsKey("fromUserId") && !message.isNull("fromUserId"),
                        "a REST group message has no sender: " + message);
            }
            assertTrue(node.events("server-message").isEmpty(), transcript);
        }
    }

    @Test
    void jsServiceSdkOperationsTakeEffectOnClientSdkConnections() throws Exception {
        try (NodeScript node = NodeScript.start("rest-operations.js", Map.of(
                "WPS_CONNECTION_STRING", emulator.connectionString(),
                "WPS_HUB", "chat"))) {
            // the script checks each effect itself and stops at the first mismatch
            node.assertDone();
            assertEquals(STEPS, node.events("step").stream().map(e -> e.getString("name")).toList(), node.transcript());
        }
    }

    static void assertMessage(JsonObject message, String group, String dataType, jakarta.json.JsonValue data) {
        assertEquals(group, message.getString("group"), message.toString());
        assertEquals(dataType, message.getString("dataType"), message.toString());
        assertEquals(data, message.get("data"), message.toString());
    }
}
