package io.webpubsub.emulator;

import io.webpubsub.emulator.support.Rest;
import io.webpubsub.emulator.support.WsClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeepAliveTest {
    @Test
    void serverPingsAtTheKeepAliveInterval() throws InterruptedException {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().keepAliveInterval(Duration.ofSeconds(1)).start();
             WsClient c = WsClient.connect(new Rest(emulator).clientUrl("ka", "u", List.of(), List.of()),
                     "json.webpubsub.azure.v1")) {
            c.nextJson();
            for (int i = 0; i < 60 && c.pings() < 2; i++) {
                Thread.sleep(100);
            }
            assertTrue(c.pings() >= 2, "pings: " + c.pings());
        }
    }

    @Test
    void builderValidatesItsInput() {
        WebPubSubEmulator.Builder b = WebPubSubEmulator.builder();
        assertEquals("keepAliveInterval must be from 1 to 120 seconds, got PT2M1S",
                assertThrows(IllegalArgumentException.class, () -> b.keepAliveInterval(Duration.ofSeconds(121)))
                .getMessage());
        assertEquals("accessKey must have at least 32 bytes",
                assertThrows(IllegalArgumentException.class, () -> b.accessKey("short")).getMessage());
        assertEquals("accessKey must not contain ';', control characters or surrounding whitespace",
                assertThrows(IllegalArgumentException.class, () -> b.accessKey(" " + "k".repeat(40))).getMessage());
        assertEquals("secondaryAccessKey must not contain ';', control characters or surrounding whitespace",
                assertThrows(IllegalArgumentException.class, () -> b.secondaryAccessKey("k".repeat(40) + ";"))
                .getMessage());
        assertEquals("port must be from 0 to 65535, got 70000",
                assertThrows(IllegalArgumentException.class, () -> b.port(70000)).getMessage());
        assertEquals("Invalid hub name '1x'", assertThrows(IllegalArgumentException.class, () ->
                b.anonymousConnect("1x")).getMessage());
        assertEquals("Event handler urlTemplate must be an absolute http or https URL: ftp://x/{event}",
                assertThrows(IllegalArgumentException.class, () -> EventHandler.url("ftp://x/{event}")).getMessage());
        assertEquals("Event handler urlTemplate may not use placeholders in the host: http://{hub}.example/x",
                assertThrows(IllegalArgumentException.class, () -> EventHandler.url("http://{hub}.example/x"))
                .getMessage());
    }

    @Test
    void portInUseIsReportedAndCloseFreesThePort() {
        try (WebPubSubEmulator first = WebPubSubEmulator.builder().start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> WebPubSubEmulator.builder().port(first.port()).start());
            assertTrue(e.getMessage().startsWith("The Web PubSub emulator could not start on 127.0.0.1:"
                    + first.port()), e.getMessage());
            first.close();
            try (WebPubSubEmulator again = WebPubSubEmulator.builder().port(first.port()).start()) {
                assertEquals(first.port(), again.port());
            }
        }
    }
}
