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
 * {@code @azure/web-pubsub-client} 1.0.4 with its defaults (reliable protocol, auto-reconnect) recovers its session
 * through the emulator after a network failure: it reconnects with {@code awps_connection_id} and the reconnection
 * token, the messages sent while it was cut off are delivered, none twice, and the connection id is kept.
 */
class ClientSdkRecoveryCompatTest {

    @Test
    void clientSdkRecoversAfterTheNetworkDropsAndLosesNoMessage() throws Exception {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().port(0).start();
             DroppingProxy relay = new DroppingProxy(emulator.port())) {
            URI endpoint = URI.create(emulator.endpoint());
            String relayEndpoint = endpoint.getScheme() + "://" + endpoint.getHost() + ":" + relay.port();
            String viaRelay = emulator.connectionString().replace(emulator.endpoint(), relayEndpoint);
            assertFalse(viaRelay.equals(emulator.connectionString()), viaRelay);

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
}
