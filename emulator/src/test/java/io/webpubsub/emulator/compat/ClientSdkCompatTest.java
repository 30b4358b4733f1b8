package io.webpubsub.emulator.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webpubsub.emulator.WebPubSubEmulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two {@code @azure/web-pubsub-client} 1.0.4 connections, unmodified, publish to each other through the emulator: echo
 * and noEcho, text/JSON/binary, fire-and-forget, ackId de-duplication, leave, Forbidden acks, an unhandled event.
 */
class ClientSdkCompatTest {

    @Test
    void clientSdkConnectionsPublishToEachOther() throws Exception {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().port(0).start();
             NodeScript node = NodeScript.start("client-to-client.js", Map.of(
                     "WPS_CONNECTION_STRING", emulator.connectionString(),
                     "WPS_HUB", "chat"))) {
            // the script checks each effect itself and stops at the first mismatch
            node.assertDone();
            assertEquals(List.of("sendToGroupWithEcho", "sendToGroupNoEcho", "sendToGroupBinary",
                    "sendToGroupFireAndForget", "ackIdDeduplication", "sendToGroupForbidden",
                    "joinGroupForbiddenOutsideTheRole", "leaveGroup", "eventWithoutHandler"),
                    node.events("step").stream().map(e -> e.getString("name")).toList(), node.transcript());
        }
    }
}
