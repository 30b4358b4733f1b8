package io.webpubsub.emulator.junit;

import io.webpubsub.emulator.WebPubSubEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebPubSubEmulatorExtensionPerTestTest {
    static final List<WebPubSubEmulator> SEEN = new ArrayList<>();

    @RegisterExtension
    static WebPubSubEmulatorExtension extension = new WebPubSubEmulatorExtension(b ->
            b.anonymousConnect("open")).perTest();

    @Test
    void one(WebPubSubEmulator emulator) {
        SEEN.add(emulator);
    }

    @Test
    void two(WebPubSubEmulator emulator) {
        SEEN.add(emulator);
    }

    @AfterAll
    static void eachTestHadItsOwnAndAllAreClosed() {
        assertEquals(2, SEEN.size());
        assertNotSame(SEEN.get(0), SEEN.get(1));
        for (WebPubSubEmulator e : SEEN) {
            assertThrows(IOException.class, () -> WebPubSubEmulatorExtensionTest.health(e));
        }
    }
}
