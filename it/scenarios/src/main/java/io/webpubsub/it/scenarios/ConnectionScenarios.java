package io.webpubsub.it.scenarios;

import static io.webpubsub.it.scenarios.RestScenario.assertText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Closing connections with a reason, and asking whether connections, groups and users exist. */
public interface ConnectionScenarios extends RestScenario {

    private static void assertDisconnected(String reason, WsClient client) {
        JsonObject system = client.next(f -> "system".equals(f.getString("type", ""))
                && "disconnected".equals(f.getString("event", "")));
        assertEquals(reason, system.getString("message"), system.toString());
        client.awaitClosed();
    }

    @Test
    default void closingAConnectionTellsTheClientTheReason() {
        try (WsClient a = client(Names.unique("ann")); WsClient b = client(Names.unique("bob"))) {
            app().close(NEWS, "connection:" + a.connectionId(), "maintenance window").ok();
            assertDisconnected("maintenance window", a);
            app().sendText(NEWS, null, "still here").ok();
            assertText("still here", b.nextMessage());
        }
    }

    @Test
    default void closingAGroupSparesTheExcludedAndTheOthers() {
        String group = Names.unique("room");
        try (WsClient a = client(Names.unique("ann"), List.of(), List.of(group));
                WsClient spared = client(Names.unique("bob"), List.of(), List.of(group));
                WsClient outside = client(Names.unique("cid"))) {
            app().close(NEWS, "group:" + group, "room closed", spared.connectionId()).ok();
            assertDisconnected("room closed", a);
            assertNothingElseArrived(spared);
            assertNothingElseArrived(outside);
        }
    }

    @Test
    default void closingAUserClosesEachOfTheirConnections() {
        String ann = Names.unique("ann");
        try (WsClient phone = client(ann); WsClient laptop = client(ann); WsClient bob = client(Names.unique("bob"))) {
            app().close(NEWS, "user:" + ann, "signed out").ok();
            assertDisconnected("signed out", phone);
            assertDisconnected("signed out", laptop);
            assertNothingElseArrived(bob);
        }
    }

    @Test
    default void existsFollowsConnectionsGroupsAndUsers() {
        String ann = Names.unique("ann");
        String group = Names.unique("room");
        assertFalse(app().exists(NEWS, "users", ann));
        assertFalse(app().exists(NEWS, "groups", group));
        assertFalse(app().exists(NEWS, "connections", Names.unique("nobody")));
        String connectionId;
        try (WsClient a = client(ann, List.of(), List.of(group))) {
            connectionId = a.connectionId();
            assertTrue(app().exists(NEWS, "connections", connectionId));
            assertTrue(app().exists(NEWS, "users", ann));
            assertTrue(app().exists(NEWS, "groups", group));
        }
        Names.eventually("the closed connection, its user and its group are gone",
                () -> !app().exists(NEWS, "connections", connectionId) && !app().exists(NEWS, "users", ann)
                        && !app().exists(NEWS, "groups", group));
    }
}
