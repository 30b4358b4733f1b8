package io.webpubsub.mp.impl.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConnectionStatesTest {

    static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsAsBase64Json() {
        String header = ConnectionStates.encode(Map.of("b", "2", "a", "ü"));
        assertEquals(base64("{\"a\":\"ü\",\"b\":\"2\"}"), header);
        assertEquals(Map.of("a", "ü", "b", "2"), ConnectionStates.decode(header));
    }

    @Test
    void readsStateWrittenByOtherSdksWithNonStringValues() {
        assertEquals(Map.of("n", "1", "o", "{\"x\":[true]}", "z", "null"),
                ConnectionStates.decode(base64("{\"n\":1,\"o\":{\"x\":[true]},\"z\":null}")));
    }

    @Test
    void emptyMeansNoState() {
        assertEquals(Map.of(), ConnectionStates.decode(null));
        assertEquals(Map.of(), ConnectionStates.decode(""));
        assertEquals("", ConnectionStates.encode(Map.of()));
    }

    @Test
    void malformedValuesAreBadRequests() {
        UpstreamFailure notJson = assertThrows(UpstreamFailure.class, () -> ConnectionStates.decode(base64("{")));
        assertEquals(400, notJson.status());
        assertEquals("Header 'ce-connectionState' is not base64-encoded JSON: syntax error at offset 1",
                notJson.getMessage());
    }
}
