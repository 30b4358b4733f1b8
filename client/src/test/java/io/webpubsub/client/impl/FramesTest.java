package io.webpubsub.client.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webpubsub.client.WebPubSubData;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The frames a client writes, read back with a JSON parser: names and text with every kind of character survive. */
class FramesTest {

    private static final String AWKWARD = "q\"b\\n\nt\tc\u0001é€😀/";

    @Test
    void textWithQuotesEscapesControlsAndNonAsciiRoundTrips() {
        JsonObject frame = Frames.parse(Frames.sendToGroup(AWKWARD, 7L, true, WebPubSubData.text(AWKWARD)));
        assertEquals("sendToGroup", frame.getString("type"));
        assertEquals(AWKWARD, frame.getString("group"));
        assertEquals(7, frame.getInt("ackId"));
        assertEquals(true, frame.getBoolean("noEcho"));
        assertEquals("text", frame.getString("dataType"));
        assertEquals(AWKWARD, frame.getString("data"));
    }

    @Test
    void eventAndMembershipFramesNameTheirTarget() {
        assertEquals(AWKWARD, Frames.parse(Frames.event(AWKWARD, null, WebPubSubData.text("x"))).getString("event"));
        JsonObject join = Frames.parse(Frames.membership("joinGroup", AWKWARD, 3));
        assertEquals(AWKWARD, join.getString("group"));
        assertEquals(3, join.getInt("ackId"));
    }

    @Test
    void utf8LengthCountsEncodedBytes() {
        assertEquals(AWKWARD.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, Frames.utf8Length(AWKWARD));
    }
}
