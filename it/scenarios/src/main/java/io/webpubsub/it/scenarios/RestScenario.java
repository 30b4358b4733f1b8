package io.webpubsub.it.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;

/** What the REST-side scenarios share: hub {@code news} (no event handlers), clients minted by the app. */
public interface RestScenario extends Deployed {

    /** The hub the REST scenarios use. */
    String NEWS = "news";

    /** A client of hub news connected with an access URL the app minted for this user, roles and groups. */
    default WsClient client(String userId, List<String> roles, List<String> groups) {
        return WsClient.connect(app().clientAccessUrl(NEWS, userId, roles, groups));
    }

    /** A client of hub news for this user, with no roles or groups. */
    default WsClient client(String userId) {
        return client(userId, List.of(), List.of());
    }

    /**
     * Proves a client received nothing since its last message: a marker sent to that connection alone must be
     * the very next message it gets (the service keeps one connection's messages in order).
     */
    default void assertNothingElseArrived(WsClient client) {
        String marker = Names.unique("marker");
        app().sendText(NEWS, "connection:" + client.connectionId(), marker).ok();
        JsonObject next = client.nextMessage();
        assertEquals(marker, next.getString("data"), "an unexpected message arrived first: " + next);
    }

    /** Asserts a text message the app sent to all, a user or a connection. */
    static void assertText(String expected, JsonObject message) {
        assertEquals("server", message.getString("from"), message.toString());
        assertEquals("text", message.getString("dataType"), message.toString());
        assertEquals(expected, message.getString("data"), message.toString());
    }

    /**
     * Asserts a text message the app sent to a group: subprotocol clients get it as a group message with the
     * group's name and no sender.
     */
    static void assertGroupText(String group, String expected, JsonObject message) {
        assertEquals("group", message.getString("from"), message.toString());
        assertEquals(group, message.getString("group"), message.toString());
        assertTrue(!message.containsKey("fromUserId") || message.isNull("fromUserId"), message.toString());
        assertEquals("text", message.getString("dataType"), message.toString());
        assertEquals(expected, message.getString("data"), message.toString());
    }
}
