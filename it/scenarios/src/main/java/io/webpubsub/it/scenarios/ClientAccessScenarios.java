package io.webpubsub.it.scenarios;

import static io.webpubsub.it.scenarios.RestScenario.assertGroupText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Client access URLs minted by the app let a browser-style client in as the right user, roles and groups. */
public interface ClientAccessScenarios extends RestScenario {

    @Test
    default void accessUrlPointsAtTheHubsClientEndpoint() {
        String url = app().clientAccessUrl(NEWS, Names.unique("ann"), List.of(), List.of());
        URI uri = URI.create(url);
        URI endpoint = URI.create(ConnectionStrings.endpoint(service().connectionString()));
        assertEquals(endpoint.getScheme().equals("https") ? "wss" : "ws", uri.getScheme(), url);
        assertEquals(endpoint.getAuthority(), uri.getAuthority(), url);
        assertEquals("/client/hubs/" + NEWS, uri.getPath(), url);
        assertTrue(uri.getRawQuery().startsWith("access_token="), url);
    }

    @Test
    default void clientConnectsAsTheUserWithTheRolesAndGroupsOfItsUrl() {
        String user = Names.unique("carol");
        String tokenGroup = Names.unique("room");
        String allowed = Names.unique("room");
        try (WsClient carol = client(user, List.of("webpubsub.joinLeaveGroup." + allowed), List.of(tokenGroup))) {
            assertEquals(user, carol.userId());
            app().sendText(NEWS, "group:" + tokenGroup, "token group").ok();
            assertGroupText(tokenGroup, "token group", carol.nextMessage());

            JsonObject joined = carol.joinGroup(allowed);
            assertTrue(joined.getBoolean("success"), joined.toString());
            JsonObject refused = carol.joinGroup(Names.unique("room"));
            assertFalse(refused.getBoolean("success"), refused.toString());
            JsonObject send = carol.sendToGroup(allowed, "no send role");
            assertFalse(send.getBoolean("success"), send.toString());
        }
    }

    @Test
    default void sendToGroupRoleLetsTheClientPublish() {
        String group = Names.unique("room");
        try (WsClient publisher = client(Names.unique("dan"), List.of("webpubsub.sendToGroup"), List.of());
                WsClient reader = client(Names.unique("eve"), List.of(), List.of(group))) {
            JsonObject ack = publisher.sendToGroup(group, "from a publisher");
            assertTrue(ack.getBoolean("success"), ack.toString());
            JsonObject message = reader.nextMessage();
            assertEquals("group", message.getString("from"), message.toString());
            assertEquals(group, message.getString("group"), message.toString());
            assertEquals("from a publisher", message.getString("data"), message.toString());
        }
    }

    @Test
    default void urlWithoutUserConnectsAnonymously() {
        try (WsClient anonymous = client(null)) {
            assertNull(anonymous.userId());
            assertFalse(anonymous.connectionId().isBlank());
        }
    }
}
