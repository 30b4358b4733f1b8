package io.webpubsub.it.scenarios;

import static io.webpubsub.it.scenarios.RestScenario.assertGroupText;
import static io.webpubsub.it.scenarios.RestScenario.assertText;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sending through the injected hub client: every target, every kind of message, excluded and filter. */
public interface MessagingScenarios extends RestScenario {

    @Test
    default void textSentToAllReachesEveryConnectedClient() {
        try (WsClient a = client(Names.unique("ann")); WsClient b = client(null)) {
            app().sendText(NEWS, null, "hello, everyone").ok();
            assertText("hello, everyone", a.nextMessage());
            assertText("hello, everyone", b.nextMessage());
        }
    }

    @Test
    default void objectSentAsJsonArrivesAsTheJsonOfItsFields() {
        try (WsClient a = client(Names.unique("ann"))) {
            app().sendNotice(NEWS, "connection:" + a.connectionId(), "deploy", 3).ok();
            JsonObject message = a.nextMessage();
            assertEquals("json", message.getString("dataType"), message.toString());
            assertEquals(Json.createObjectBuilder().add("title", "deploy").add("level", 3).build(),
                    message.getJsonObject("data"));
        }
    }

    @Test
    default void jsonTextSentToAGroupArrivesAsJson() {
        String group = Names.unique("room");
        try (WsClient a = client(Names.unique("ann"), List.of(), List.of(group))) {
            String json = "{\"price\":12.5,\"tags\":[\"a\",\"b\"],\"note\":\"caf\\u00e9\"}";
            app().sendJson(NEWS, "group:" + group, json).ok();
            JsonObject message = a.nextMessage();
            assertEquals("json", message.getString("dataType"), message.toString());
            assertEquals(Json.createReader(new StringReader(json)).readObject(), message.getJsonObject("data"));
        }
    }

    @Test
    default void bytesSentToAUserArriveAsBinary() {
        String user = Names.unique("ann");
        byte[] bytes = {0, 1, 2, (byte) 0xff, (byte) 0x80, 'x'};
        try (WsClient a = client(user)) {
            app().sendBinary(NEWS, "user:" + user, bytes).ok();
            JsonObject message = a.nextMessage();
            assertEquals("binary", message.getString("dataType"), message.toString());
            assertArrayEquals(bytes, Base64.getDecoder().decode(message.getString("data")));
        }
    }

    @Test
    default void groupMessageReachesMembersOnly() {
        String group = Names.unique("room");
        try (WsClient member = client(Names.unique("ann"), List.of(), List.of(group));
                WsClient other = client(Names.unique("bob"))) {
            app().sendText(NEWS, "group:" + group, "members only").ok();
            assertGroupText(group, "members only", member.nextMessage());
            assertNothingElseArrived(other);
        }
    }

    @Test
    default void userMessageReachesEveryConnectionOfThatUserOnly() {
        String ann = Names.unique("ann");
        try (WsClient phone = client(ann); WsClient laptop = client(ann); WsClient bob = client(Names.unique("bob"))) {
            app().sendText(NEWS, "user:" + ann, "for ann").ok();
            assertText("for ann", phone.nextMessage());
            assertText("for ann", laptop.nextMessage());
            assertNothingElseArrived(bob);
        }
    }

    @Test
    default void connectionMessageReachesThatConnectionOnly() {
        String ann = Names.unique("ann");
        try (WsClient phone = client(ann); WsClient laptop = client(ann)) {
            app().sendText(NEWS, "connection:" + phone.connectionId(), "for the phone").ok();
            assertText("for the phone", phone.nextMessage());
            assertNothingElseArrived(laptop);
        }
    }

    @Test
    default void excludedConnectionsDoNotReceive() {
        String group = Names.unique("room");
        try (WsClient a = client(Names.unique("ann"), List.of(), List.of(group));
                WsClient b = client(Names.unique("bob"), List.of(), List.of(group));
                WsClient c = client(Names.unique("cid"), List.of(), List.of(group))) {
            app().sendText(NEWS, "group:" + group, "not for b or c", "excluded", b.connectionId(),
                    "excluded", c.connectionId()).ok();
            assertGroupText(group, "not for b or c", a.nextMessage());
            assertNothingElseArrived(b);
            assertNothingElseArrived(c);
            app().sendText(NEWS, null, "not for a", "excluded", a.connectionId()).ok();
            assertText("not for a", b.nextMessage());
            assertText("not for a", c.nextMessage());
            assertNothingElseArrived(a);
        }
    }

    @Test
    default void filterOnUserIdHoldsEvenForNamesWithQuotes() {
        String quoted = Names.unique("o'brien");
        try (WsClient obrien = client(quoted); WsClient ann = client(Names.unique("ann"))) {
            app().sendText(NEWS, null, "not for o'brien", "userIdNot", quoted).ok();
            assertText("not for o'brien", ann.nextMessage());
            assertNothingElseArrived(obrien);
        }
    }

    @Test
    default void filterOnGroupMembershipHolds() {
        String group = Names.unique("room");
        String ann = Names.unique("ann");
        try (WsClient member = client(ann, List.of(), List.of(group));
                WsClient other = client(Names.unique("bob"));
                WsClient annElsewhere = client(ann)) {
            app().sendText(NEWS, null, "members not named ann", "inGroup", group, "userIdNot", ann).ok();
            app().sendText(NEWS, null, "members", "inGroup", group).ok();
            assertText("members", member.nextMessage());
            assertNothingElseArrived(other);
            assertNothingElseArrived(annElsewhere);
        }
    }
}
