package io.webpubsub.emulator.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import io.webpubsub.emulator.EventHandler;
import io.webpubsub.emulator.WebPubSubEmulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @azure/web-pubsub-express} 1.0.6 in an express app, unmodified, as the emulator's upstream: it passes the
 * abuse-protection check, answers {@code connect} (user id, groups, roles, state), gets {@code connected} and
 * {@code disconnected}, and its replies to user events reach the {@code @azure/web-pubsub-client} 1.0.4 connection
 * that sent them. Each test gets its own emulator, since each points the hub at its own express app.
 */
class ExpressHandlerCompatTest {

    private WebPubSubEmulator emulator;

    @BeforeEach
    void start() {
        emulator = WebPubSubEmulator.builder().port(0).start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void expressHandlerAnswersConnectAndUserEvents() throws Exception {
        try (NodeScript node = runExpressScript(Map.of())) {
            assertConversation(node);
        }
    }

    @Test
    void expressHandlerRestrictedToTheEmulatorsEndpointPassesAbuseProtection() throws Exception {
        try (NodeScript node = runExpressScript(Map.of("WPS_ALLOWED_ENDPOINTS", "emulator"))) {
            assertConversation(node);
        }
    }

    @Test
    void aUserEventTheHandlerRejectsIsNotRetriedAndFailsTheClientsAck() throws Exception {
        try (NodeScript node = runExpressScript(Map.of("WPS_REJECT", "1"))) {
            String transcript = node.transcript();
            List<JsonObject> rejects = node.events("handler-user-event").stream()
                    .filter(e -> e.getString("eventName").equals("reject")).toList();
            assertEquals(1, rejects.size(), "a 4xx answer is final\n" + transcript);
            // the emulator acks InternalServerError and keeps the connection (emulator behaviour)
            JsonObject rejected = node.await("reject-result", Duration.ZERO);
            assertEquals("SendMessageError", rejected.getString("error"), transcript);
            assertEquals("InternalServerError", rejected.getJsonObject("errorDetail").getString("name"), transcript);
            assertConversation(node);
        }
    }

    @Test
    void aConnectTheHandlerRejectsFailsTheClientsHandshakeWithItsStatus() throws Exception {
        try (NodeScript node = runExpressScript(Map.of("WPS_CONNECT_STATUS", "401"))) {
            String transcript = node.transcript();
            assertEquals(1, node.events("handler-connect").size(), transcript);
            JsonObject start = node.await("start-result", Duration.ZERO);
            assertEquals("Unexpected server response: 401", start.getString("message"), transcript);
            assertTrue(node.events("connected").isEmpty(), transcript);
            assertTrue(node.events("handler-connected").isEmpty(), "no connected event after a rejection\n"
                    + transcript);
            assertTrue(node.events("handler-disconnected").isEmpty(), "no disconnected event after a rejection\n"
                    + transcript);
        }
    }

    @Test
    void expressHandlerAnswersARawWebSocketClient() throws Exception {
        try (NodeScript node = startExpressScript(Map.of("WPS_SERVE_ONLY", "1"))) {
            WebPubSubServiceClient service = new WebPubSubServiceClientBuilder()
                    .connectionString(emulator.connectionString()).hub("chat").buildClient();
            String url = service.getClientAccessToken(new GetClientAccessTokenOptions().setUserId("raw-user")).getUrl();
            BlockingQueue<String> frames = new LinkedBlockingQueue<>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(url), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            frames.add(data.toString());
                            ws.request(1);
                            return null;
                        }
                    }).get(30, TimeUnit.SECONDS);
            // a raw frame is the user event 'message'; the handler's text reply comes back as a text frame
            socket.sendText("hi", true).get(10, TimeUnit.SECONDS);
            assertEquals("echo: hi (hello-state)", frames.poll(10, TimeUnit.SECONDS), node.transcript());
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
            node.writeLine("end");
            node.assertDone();
            String transcript = node.transcript();

            JsonObject connect = node.await("handler-connect", Duration.ZERO);
            assertEquals("raw-user", connect.getString("userId"), transcript);
            assertEquals(Json.createArrayBuilder().build(), connect.getJsonArray("subprotocols"), transcript);
            List<JsonObject> events = node.events("handler-user-event");
            assertEquals(1, events.size(), transcript);
            assertEquals("message", events.get(0).getString("eventName"), transcript);
            assertUserEvent(events.get(0), "text", Json.createValue("hi"));
            assertEquals(connect.getString("connectionId"),
                    node.await("handler-disconnected", Duration.ZERO).getString("connectionId"), transcript);
        }
    }

    /** Runs the script to its end, with the hub's event handler pointed at the express app the script started. */
    private NodeScript runExpressScript(Map<String, String> options) throws Exception {
        NodeScript node = startExpressScript(options);
        try {
            node.assertDone();
            return node;
        } catch (Exception | AssertionError e) {
            node.close();
            throw e;
        }
    }

    /** Starts the script and points the hub's event handler at the express app it started. */
    private NodeScript startExpressScript(Map<String, String> options) throws Exception {
        Map<String, String> environment = new HashMap<>(options);
        environment.put("WPS_CONNECTION_STRING", emulator.connectionString());
        environment.put("WPS_HUB", "chat");
        NodeScript node = NodeScript.start("express-handler.js", environment);
        try {
            int port = node.await("listening", Duration.ofSeconds(30)).getInt("port");
            emulator.eventHandlers("chat", List.of(
                    EventHandler.url("http://127.0.0.1:" + port + "/api/webpubsub/hubs/{hub}/")
                            .userEvents("*")
                            .systemEvents("connect", "connected", "disconnected")));
            node.writeLine("go");
            return node;
        } catch (Exception | AssertionError e) {
            node.close();
            throw e;
        }
    }

    private static void assertConversation(NodeScript node) throws InterruptedException {
        String transcript = node.transcript();
        assertFalse(node.events("handler-preflight").isEmpty(), "abuse protection ran\n" + transcript);
        assertTrue(node.events("unhandled-request").isEmpty(), "every request was a valid event\n" + transcript);

        JsonObject connect = node.await("handler-connect", Duration.ZERO);
        assertEquals("chat", connect.getString("hub"), transcript);
        assertEquals("token-user", connect.getString("userId"), transcript);
        assertEquals(Json.createArrayBuilder().add("token-user").build(),
                connect.getJsonObject("claims").getJsonArray("sub"), transcript);
        assertEquals(Json.createArrayBuilder().add("json.reliable.webpubsub.azure.v1").build(),
                connect.getJsonArray("subprotocols"), transcript);
        assertFalse(connect.getJsonObject("query").containsKey("access_token"), transcript);
        String connectionId = connect.getString("connectionId");

        JsonObject connected = node.await("connected", Duration.ZERO);
        assertEquals(connectionId, connected.getString("connectionId"), transcript);
        assertEquals("express-user", connected.getString("userId"), "the connect response sets the user\n"
                + transcript);

        JsonObject handlerConnected = node.await("handler-connected", Duration.ZERO);
        assertEquals("express-user", handlerConnected.getString("userId"), transcript);
        assertEquals("hello-state", handlerConnected.getJsonObject("states").getString("greeting"), transcript);

        List<JsonObject> echoes = node.events("handler-user-event").stream()
                .filter(e -> e.getString("eventName").equals("echo")).toList();
        assertEquals(3, echoes.size(), transcript);
        assertUserEvent(echoes.get(0), "text", Json.createValue("ping"));
        assertUserEvent(echoes.get(1), "json", Json.createObjectBuilder().add("n", 42).build());
        assertEquals(1, echoes.get(1).getJsonObject("states").getInt("count"),
                "state set by a user-event reply comes back\n" + transcript);
        assertUserEvent(echoes.get(2), "text", Json.createValue("again"));

        List<JsonObject> replies = node.events("server-message");
        assertEquals(3, replies.size(), transcript);
        assertEquals("text", replies.get(0).getString("dataType"));
        assertEquals("echo: ping (hello-state)", replies.get(0).getString("data"));
        assertEquals("json", replies.get(1).getString("dataType"));
        assertEquals(Json.createObjectBuilder().add("echo", Json.createObjectBuilder().add("n", 42))
                .add("state", "hello-state").build(), replies.get(1).getJsonObject("data"));
        assertEquals("echo: again (hello-state)", replies.get(2).getString("data"));

        // the group and the sendToGroup role came from the connect response, not from the token
        List<JsonObject> groupMessages = node.events("group-message");
        assertEquals(2, groupMessages.size(), transcript);
        JsServiceSdkCompatTest.assertMessage(groupMessages.get(0), "lobby", "text", Json.createValue("lobby message"));
        JsServiceSdkCompatTest.assertMessage(groupMessages.get(1), "lobby", "text", Json.createValue("from client"));

        assertEquals(connectionId, node.await("handler-disconnected", Duration.ZERO).getString("connectionId"),
                transcript);
    }

    private static void assertUserEvent(JsonObject event, String dataType, JsonValue data) {
        assertEquals(dataType, event.getString("dataType"), event.toString());
        assertEquals(data, event.get("data"), event.toString());
        assertEquals("express-user", event.getString("userId"), event.toString());
        assertEquals("hello-state", event.getJsonObject("states").getString("greeting"), event.toString());
    }
}
