package io.webpubsub.it.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Permissions granted, revoked and checked through the hub client change what a client may do. */
public interface PermissionScenarios extends RestScenario {

    private static void assertForbidden(JsonObject ack) {
        assertEquals(false, ack.getBoolean("success"), ack.toString());
        assertEquals("Forbidden", ack.getJsonObject("error").getString("name"), ack.toString());
    }

    private static void assertAllowed(JsonObject ack) {
        assertTrue(ack.getBoolean("success"), ack.toString());
    }

    private boolean check(String permission, WsClient client, String group) {
        return Boolean.parseBoolean(app().permission("GET", NEWS, permission, client.connectionId(), group).ok());
    }

    @Test
    default void grantedSendToGroupLetsTheClientSendToThatGroupOnlyUntilRevoked() {
        String group = Names.unique("room");
        String other = Names.unique("room");
        try (WsClient sender = client(Names.unique("ann"));
                WsClient listener = client(Names.unique("bob"), List.of(), List.of(group))) {
            assertEquals(false, check("sendToGroup", sender, group));
            assertForbidden(sender.sendToGroup(group, "too early"));

            app().permission("PUT", NEWS, "sendToGroup", sender.connectionId(), group).ok();
            assertEquals(true, check("sendToGroup", sender, group));
            assertEquals(false, check("sendToGroup", sender, other));
            assertAllowed(sender.sendToGroup(group, "now allowed"));
            JsonObject message = listener.nextMessage();
            assertEquals("group", message.getString("from"), message.toString());
            assertEquals("now allowed", message.getString("data"), message.toString());
            assertForbidden(sender.sendToGroup(other, "other group"));

            app().permission("DELETE", NEWS, "sendToGroup", sender.connectionId(), group).ok();
            assertEquals(false, check("sendToGroup", sender, group));
            assertForbidden(sender.sendToGroup(group, "revoked"));
            assertNothingElseArrived(listener);
        }
    }

    @Test
    default void grantedJoinLeaveGroupLetsTheClientJoinUntilRevoked() {
        String group = Names.unique("room");
        try (WsClient a = client(Names.unique("ann"))) {
            assertForbidden(a.joinGroup(group));
            app().permission("PUT", NEWS, "joinLeaveGroup", a.connectionId(), group).ok();
            assertEquals(true, check("joinLeaveGroup", a, group));
            assertAllowed(a.joinGroup(group));
            app().sendText(NEWS, "group:" + group, "joined by myself").ok();
            assertEquals("joined by myself", a.nextMessage().getString("data"));

            app().permission("DELETE", NEWS, "joinLeaveGroup", a.connectionId(), group).ok();
            assertEquals(false, check("joinLeaveGroup", a, group));
            assertForbidden(a.joinGroup(Names.unique("room")));
        }
    }
}
