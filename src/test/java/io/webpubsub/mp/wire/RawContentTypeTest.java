package io.webpubsub.mp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.webpubsub.mp.WebPubSubClientBuilder;
import io.webpubsub.mp.rest.WebPubSubRestApi;
import io.webpubsub.mp.testing.FakeService;

/** The raw REST API labels a send body with the given content type, else application/octet-stream, never JSON. */
class RawContentTypeTest {

    @Test
    void aSendWithoutContentTypeIsOctetStreamAndAGivenOneIsKept() throws Exception {
        try (FakeService service = new FakeService();
                WebPubSubRestApi api = new WebPubSubClientBuilder().hub("chat")
                        .connectionString("Endpoint=" + service.endpoint() + ";AccessKey=" + WireFormatTest.KEY)
                        .buildRestApi()) {
            byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
            String v = "2024-12-01";
            api.sendToAll("chat", null, v, null, body, null, null);
            api.sendToGroup("chat", "g", null, v, null, body, null, null);
            api.sendToUser("chat", "u", v, null, body, null, null);
            api.sendToConnection("chat", "c", v, null, body, null);
            api.sendToAll("chat", null, v, "text/plain", body, null, null);
            api.sendToAll("chat", null, v, "application/json", body, null, null);
            assertEquals(List.of("application/octet-stream", "application/octet-stream", "application/octet-stream",
                    "application/octet-stream", "text/plain", "application/json"),
                    service.requests().stream().map(r -> r.header("Content-Type")).toList());
            assertEquals("{\"a\":1}", service.requests().get(0).bodyText());
        }
    }
}
