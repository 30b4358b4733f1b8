package io.webpubsub.emulator.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.BinaryData;
import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import io.webpubsub.emulator.WebPubSubEmulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code com.azure:azure-messaging-webpubsub} 1.4.0, unmodified, against the emulator: it mints the client access URL
 * that {@code @azure/web-pubsub-client} 1.0.4 connects with, and sends text, JSON and binary to the group that client
 * joined.
 */
class JavaServiceSdkCompatTest {

    private static final String GROUP = "java-room";
    private static WebPubSubEmulator emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = WebPubSubEmulator.builder().port(0).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void javaServiceSdkSendsToAGroupTheClientSdkJoined() throws Exception {
        WebPubSubServiceClient service = new WebPubSubServiceClientBuilder()
                .connectionString(emulator.connectionString())
                .hub("chat")
                .buildClient();
        String url = service.getClientAccessToken(new GetClientAccessTokenOptions()
                .setUserId("java-user")
                .addRole("webpubsub.joinLeaveGroup." + GROUP)).getUrl();

        try (NodeScript node = NodeScript.start("group-message.js", Map.of(
                "WPS_CONNECTION_STRING", emulator.connectionString(),
                "WPS_HUB", "chat",
                "WPS_GROUP", GROUP,
                "WPS_USER", "java-user",
                "WPS_CLIENT_URL", url,
                "WPS_SENDER", "external",
                "WPS_EXPECT", "3"))) {
            String connectionId = node.await("ready", Duration.ofSeconds(30)).getString("connectionId");

            assertTrue(service.groupExistsWithResponse(GROUP, null).getValue());
            assertTrue(service.userExistsWithResponse("java-user", null).getValue());
            assertTrue(service.connectionExistsWithResponse(connectionId, null).getValue());
            assertFalse(service.groupExistsWithResponse(GROUP + "-nobody", null).getValue());

            service.sendToGroup(GROUP, "hello from java", WebPubSubContentType.TEXT_PLAIN);
            byte[] json = "{\"from\":\"java\",\"n\":2}".getBytes(StandardCharsets.UTF_8);
            service.sendToGroupWithResponse(GROUP, BinaryData.fromBytes(json), WebPubSubContentType.APPLICATION_JSON,
                    json.length, null);
            byte[] binary = {0, 1, 2, (byte) 0xff};
            service.sendToGroupWithResponse(GROUP, BinaryData.fromBytes(binary),
                    WebPubSubContentType.APPLICATION_OCTET_STREAM, binary.length, null);

            node.assertDone();
            String transcript = node.transcript();
            assertEquals("java-user", node.await("connected", Duration.ZERO).getString("userId"), transcript);
            List<JsonObject> messages = node.events("group-message");
            assertEquals(3, messages.size(), transcript);
            JsServiceSdkCompatTest.assertMessage(messages.get(0), GROUP, "text", Json.createValue("hello from java"));
            JsServiceSdkCompatTest.assertMessage(messages.get(1), GROUP, "json",
                    Json.createObjectBuilder().add("from", "java").add("n", 2).build());
            JsServiceSdkCompatTest.assertMessage(messages.get(2), GROUP, "binary",
                    Json.createValue(Base64.getEncoder().encodeToString(binary)));
        }
    }
}
