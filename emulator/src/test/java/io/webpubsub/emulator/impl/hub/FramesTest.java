package io.webpubsub.emulator.impl.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FramesTest {

    private static Payload text(String s) {
        return new Payload(Payload.DataType.TEXT, s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void serverTextMessage() {
        assertEquals("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"text\",\"data\":\"hi \\\"you\\\"\"}",
                new Delivery(null, null, text("hi \"you\"")).jsonFrame());
    }

    @Test
    void groupMessageFromAUser() {
        assertEquals("{\"type\":\"message\",\"from\":\"group\",\"group\":\"g1\",\"fromUserId\":\"alice\","
                        + "\"dataType\":\"json\",\"data\":{\"a\":1}}",
                new Delivery("g1", "alice", new Payload(Payload.DataType.JSON,
                        "{\"a\":1}".getBytes(StandardCharsets.UTF_8))).jsonFrame());
    }

    @Test
    void binaryMessageIsBase64() {
        assertEquals("{\"type\":\"message\",\"from\":\"group\",\"group\":\"g\",\"dataType\":\"binary\","
                + "\"data\":\"AQL/\"}",
                new Delivery("g", null, new Payload(Payload.DataType.BINARY, new byte[] {1, 2, -1})).jsonFrame());
    }

    @Test
    void theFrameIsFormattedOncePerDelivery() {
        Delivery d = new Delivery("g", null, text("x"));
        assertSame(d.jsonFrame(), d.jsonFrame());
    }

    @Test
    void reliableFramesAppendTheirOwnSequenceIdToTheSharedFrame() {
        Delivery d = new Delivery(null, null, text("x"));
        String shared = d.jsonFrame();
        assertEquals("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"text\",\"data\":\"x\",\"sequenceId\":7}",
                Frames.sequenced(shared, 7));
        assertEquals("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"text\",\"data\":\"x\",\"sequenceId\":8}",
                Frames.sequenced(shared, 8));
        assertEquals("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"text\",\"data\":\"x\"}", d.jsonFrame());
    }
}
