package io.webpubsub.emulator.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.webpubsub.emulator.WebPubSubEmulator;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code @azure/web-pubsub-client} 1.0.4 survives network failures against the emulator. With its defaults (reliable
 * protocol) it recovers its session: it reconnects with {@code awps_connection_id} and the reconnection token, the
 * messages sent while it was cut off are delivered, none twice, and the connection id is kept. On the non-reliable
 * JSON protocol it opens a new connection and rejoins its groups. The client connects through a relay the test cuts.
 */
class ClientSdkRecoveryCompatTest {

    @Test
    void clientSdkRecoversAfterTheNetworkDropsAndLosesNoMessage() throws Exception {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().port(0).start();
             DroppingProxy relay = new DroppingProxy(emulator.port())) {
            String viaRelay = viaRelay(emulator, relay);
            try (NodeScript node = NodeScript.start("recovery.js", Map.of(
                    "WPS_CONNECTION_STRING", emulator.connectionString(),
                    "WPS_CLIENT_CONNECTION_STRING", viaRelay,
                    "WPS_HUB", "chat"))) {
                String connectionId = node.await("ready-to-drop", Duration.ofSeconds(30)).getString("connectionId");
                assertEquals(1, relay.accepted(), "the client connects through the relay\n" + node.transcript());
                relay.dropAll();
                node.writeLine("dropped");
                node.assertDone();

                JsonObject result = node.await("result", Duration.ZERO);
                JsonArrayBuilder expected = Json.createArrayBuilder();
                IntStream.rangeClosed(1, 10).forEach(i -> expected.add("m" + i));
                expected.add("after recovery");
                assertEquals(expected.build(), result.getJsonArray("received"), node.transcript());
                assertEquals(Json.createArrayBuilder().add(connectionId).build(), result.getJsonArray("connections"),
                        "recovery keeps the connection and raises no second connected event\n" + node.transcript());
                assertEquals(0, result.getInt("disconnects"), node.transcript());
                assertFalse(result.getBoolean("isDuplicated"), node.transcript());
                assertEquals(2, relay.accepted(), "one reconnection, through the relay\n" + node.transcript());
            }
        }
    }

    @Test
    void clientSdkOnTheJsonProtocolReconnectsAndRejoinsItsGroup() throws Exception {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().port(0).start();
             DroppingProxy relay = new DroppingProxy(emulator.port());
             NodeScript node = NodeScript.start("reconnect.js", Map.of(
                     "WPS_CONNECTION_STRING", emulator.connectionString(),
                     "WPS_CLIENT_CONNECTION_STRING", viaRelay(emulator, relay),
                     "WPS_HUB", "chat"))) {
            String first = node.await("ready-to-drop", Duration.ofSeconds(30)).getString("connectionId");
            relay.dropAll();
            node.writeLine("dropped");
            node.assertDone();

            JsonObject result = node.await("result", Duration.ZERO);
            assertEquals(Json.createArrayBuilder().add("before").add("after").build(), result.getJsonArray("received"),
                    node.transcript());
            assertEquals(2, result.getJsonArray("connections").size(), node.transcript());
            String second = result.getJsonArray("connections").getString(1);
            assertFalse(second.equals(first), "a new connection\n" + node.transcript());
            assertEquals(Json.createArrayBuilder().add(second).build(), result.getJsonArray("groupMembers"),
                    "the dropped connection left the group, the new one joined it\n" + node.transcript());
            assertEquals(1, result.getInt("disconnects"), node.transcript());
            assertEquals(2, relay.accepted(), node.transcript());
        }
    }

    /** The emulator's connection string with the relay's port: tokens minted with it are valid through the relay. */
    private static String viaRelay(WebPubSubEmulator emulator, DroppingProxy relay) {
        URI endpoint = URI.create(emulator.endpoint());
        String relayEndpoint = endpoint.getScheme() + "://" + endpoint.getHost() + ":" + relay.port();
        String connectionString = emulator.connectionString().replace(emulator.endpoint(), relayEndpoint);
        assertFalse(connectionString.equals(emulator.connectionString()), connectionString);
        return connectionString;
    }
}
