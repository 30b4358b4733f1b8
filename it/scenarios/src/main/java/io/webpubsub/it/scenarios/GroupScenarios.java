package io.webpubsub.it.scenarios;

import static io.webpubsub.it.scenarios.RestScenario.assertGroupText;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Group membership managed through the hub client, and taken from the client's token. */
public interface GroupScenarios extends RestScenario {

    @Test
    default void connectionAddedByRestReceivesTheGroupUntilRemoved() {
        String group = Names.unique("room");
        try (WsClient a = client(Names.unique("ann"))) {
            app().membership("PUT", NEWS, group, "connections", a.connectionId()).ok();
            app().sendText(NEWS, "group:" + group, "joined").ok();
            assertGroupText(group, "joined", a.nextMessage());

            app().membership("DELETE", NEWS, group, "connections", a.connectionId()).ok();
            app().sendText(NEWS, "group:" + group, "after leaving").ok();
            assertNothingElseArrived(a);
        }
    }

    @Test
    default void userAddedByRestBringsEveryConnectionOfTheUserUntilRemoved() {
        String group = Names.unique("room");
        String ann = Names.unique("ann");
        try (WsClient phone = client(ann); WsClient laptop = client(ann); WsClient bob = client(Names.unique("bob"))) {
            app().membership("PUT", NEWS, group, "users", ann).ok();
            app().sendText(NEWS, "group:" + group, "for ann's group").ok();
            assertGroupText(group, "for ann's group", phone.nextMessage());
            assertGroupText(group, "for ann's group", laptop.nextMessage());
            assertNothingElseArrived(bob);

            app().membership("DELETE", NEWS, group, "users", ann).ok();
            app().sendText(NEWS, "group:" + group, "after leaving").ok();
            assertNothingElseArrived(phone);
            assertNothingElseArrived(laptop);
        }
    }

    @Test
    default void groupsInTheTokenAreJoinedOnConnect() {
        String first = Names.unique("room");
        String second = Names.unique("room");
        try (WsClient a = client(Names.unique("ann"), List.of(), List.of(first, second))) {
            app().sendText(NEWS, "group:" + first, "first").ok();
            app().sendText(NEWS, "group:" + second, "second").ok();
            assertGroupText(first, "first", a.nextMessage());
            assertGroupText(second, "second", a.nextMessage());
        }
    }

    @Test
    default void removingAConnectionFromAllGroupsLeavesEveryGroup() {
        String first = Names.unique("room");
        String second = Names.unique("room");
        try (WsClient a = client(Names.unique("ann"), List.of(), List.of(first, second))) {
            app().leaveAll(NEWS, "connections", a.connectionId()).ok();
            app().sendText(NEWS, "group:" + first, "first").ok();
            app().sendText(NEWS, "group:" + second, "second").ok();
            assertNothingElseArrived(a);
        }
    }

    @Test
    default void removingAUserFromAllGroupsLeavesEveryGroup() {
        String first = Names.unique("room");
        String second = Names.unique("room");
        String ann = Names.unique("ann");
        try (WsClient a = client(ann)) {
            app().membership("PUT", NEWS, first, "users", ann).ok();
            app().membership("PUT", NEWS, second, "users", ann).ok();
            app().sendText(NEWS, "group:" + second, "in second").ok();
            assertGroupText(second, "in second", a.nextMessage());

            app().leaveAll(NEWS, "users", ann).ok();
            app().sendText(NEWS, "group:" + first, "first").ok();
            app().sendText(NEWS, "group:" + second, "second").ok();
            assertNothingElseArrived(a);
        }
    }
}
