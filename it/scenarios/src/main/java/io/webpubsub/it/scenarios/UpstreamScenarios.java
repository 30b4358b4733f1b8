package io.webpubsub.it.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The service calls the deployed app's event endpoint (the library's, at {@code webpubsub/hubs/{hub}/{event}}
 * under the app's Jakarta REST root) for hub {@code chat}; the app's {@code ChatEvents} bean answers.
 */
public interface UpstreamScenarios extends Deployed {

    /** The hub with event handlers. */
    String CHAT = "chat";

    /**
     * Routes the chat hub's events to the app (idempotent), then mints an anonymous access URL with the app plus
     * query parameters the connect handler reads. (Each scenario routes for itself rather than in a
     * {@code @BeforeEach}: in-container Arquillian runs do not call lifecycle methods of interfaces reliably.)
     */
    private String chatUrl(String query) {
        service().routeEvents(CHAT, appUri() + "webpubsub/hubs/{hub}/{event}");
        return app().clientAccessUrl(CHAT, null, List.of(), List.of()) + "&" + query;
    }

    @Test
    default void connectHandlerGivesTheClientItsUserIdAndGroups() {
        String user = Names.unique("dave");
        String room = Names.unique("room");
        try (WsClient dave = WsClient.connect(chatUrl("user=" + user + "&room=" + room))) {
            assertEquals(user, dave.userId());
            app().sendText(CHAT, "group:" + room, "welcome to the room").ok();
            JsonObject message = dave.nextMessage();
            assertEquals("welcome to the room", message.getString("data"), message.toString());
        }
    }

    @Test
    default void connectHandlerRefusalKeepsTheClientOut() {
        Throwable refused = WsClient.refused(chatUrl("room=" + Names.unique("room")));
        assertNotNull(refused, "the connect handler refuses clients without a user, but the client got in");
        assertTrue(refused instanceof WebSocketHandshakeException, refused.toString());
        assertEquals(401, ((WebSocketHandshakeException) refused).getResponse().statusCode());
    }

    @Test
    default void userMessageGetsTheHandlersReply() {
        String user = Names.unique("erin");
        try (WsClient erin = WsClient.connect(chatUrl("user=" + user))) {
            JsonObject ack = erin.event("echo", "hello app");
            assertTrue(ack.getBoolean("success"), ack.toString());
            JsonObject reply = erin.nextMessage();
            assertEquals("server", reply.getString("from"), reply.toString());
            assertEquals("text", reply.getString("dataType"), reply.toString());
            assertEquals("echo: hello app", reply.getString("data"), reply.toString());
            String line = "message " + erin.connectionId() + " echo " + user;
            assertTrue(app().events().contains(line), "the handler saw: " + app().events());
        }
    }

    @Test
    default void groupJoinedAndLeftObserversFire() {
        String user = Names.unique("gil");
        String room = Names.unique("room");
        String connectionId;
        try (WsClient gil = WsClient.connect(chatUrl("user=" + user + "&room=" + room))) {
            connectionId = gil.connectionId();
            Names.eventually("the joined observer saw " + connectionId + " join " + room,
                    () -> app().events().contains("joined " + connectionId + " " + room + " " + user));
        }
        Names.eventually("the left observer saw " + connectionId + " leave " + room,
                () -> app().events().contains("left " + connectionId + " " + room + " " + user));
    }

    @Test
    default void connectedAndDisconnectedObserversFire() {
        String user = Names.unique("fay");
        String connectionId;
        try (WsClient fay = WsClient.connect(chatUrl("user=" + user))) {
            connectionId = fay.connectionId();
            Names.eventually("the connected observer saw " + connectionId,
                    () -> app().events().contains("connected " + connectionId + " " + user));
        }
        Names.eventually("the disconnected observer saw " + connectionId, () -> app().events().stream()
                .anyMatch(l -> l.startsWith("disconnected " + connectionId + " " + user)));
    }

    @Test
    default void eventWithAForgedSignatureIsRefusedAndReachesNoBean() throws Exception {
        service().routeEvents(CHAT, appUri() + "webpubsub/hubs/{hub}/{event}");
        String key = ConnectionStrings.get(service().connectionString(), "AccessKey");
        String forged = Names.unique("forged");
        String genuine = Names.unique("genuine");
        AppClient.Answer refused = postConnected(forged, "sha256=" + hmac("not the key", forged));
        AppClient.Answer accepted = postConnected(genuine, "sha256=" + hmac(key, genuine));
        assertEquals(401, refused.status(), refused.body());
        assertEquals(2, accepted.status() / 100, "the same request, properly signed, must pass: " + accepted);
        Names.eventually("the genuine event reached the observer",
                () -> app().events().contains("connected " + genuine + " mallory"));
        assertTrue(app().events().stream().noneMatch(l -> l.contains(forged)), "the forged event reached a bean");
    }

    /** A {@code connected} event shaped as the service sends it, with this signature. */
    private AppClient.Answer postConnected(String connectionId, String signature) {
        String origin = java.net.URI.create(ConnectionStrings.endpoint(service().connectionString())).getHost();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        appUri().resolve("webpubsub/hubs/" + CHAT + "/connected"))
                .header("Content-Type", "application/json")
                .header("ce-specversion", "1.0")
                .header("ce-type", "azure.webpubsub.sys.connected")
                .header("ce-source", "/hubs/" + CHAT + "/client/" + connectionId)
                .header("ce-id", Names.unique("event"))
                .header("ce-time", java.time.Instant.now().toString())
                .header("ce-awpsversion", "1.0")
                .header("ce-hub", CHAT)
                .header("ce-eventName", "connected")
                .header("ce-connectionId", connectionId)
                .header("ce-userId", "mallory")
                .header("ce-signature", signature)
                .header("WebHook-Request-Origin", origin)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new AppClient.Answer(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String hmac(String key, String connectionId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(connectionId.getBytes(StandardCharsets.UTF_8)));
    }
}
