package io.webpubsub.client;

import static io.webpubsub.client.WebPubSubClientTest.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webpubsub.client.support.NodeProcess;
import io.webpubsub.client.support.Recorder;
import io.webpubsub.client.support.Service;
import io.webpubsub.emulator.WebPubSubEmulator;
import io.webpubsub.emulator.junit.WebPubSubEmulatorExtension;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Our client and the official {@code @azure/web-pubsub-client} 1.0.4 (Node) in one group, both ways. */
@ExtendWith(WebPubSubEmulatorExtension.class)
class InteropTest {

    private static final String[] ROLES = {"webpubsub.joinLeaveGroup", "webpubsub.sendToGroup"};
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void javaAndTheOfficialJsClientExchangeTextJsonAndBinary(WebPubSubEmulator emulator) throws Exception {
        Service service = new Service(emulator, "interop");
        Recorder java = new Recorder();
        try (WebPubSubClient client = new WebPubSubClientBuilder()
                .clientAccessUrl(service.clientUrl("java", ROLES)).build();
             NodeProcess js = NodeProcess.start("interop.js", Map.of("WPS_URL", service.clientUrl("js", ROLES),
                     "WPS_GROUP", "both", "WPS_TIMEOUT_MS", String.valueOf(WAIT.toMillis())))) {
            client.addListener(java);
            await(client.start());
            await(client.joinGroup("both"));
            js.await("READY", 1, WAIT);

            SendToGroupOptions noEcho = new SendToGroupOptions().setNoEcho(true);
            await(client.sendToGroup("both", WebPubSubData.text("hello from java"), noEcho));
            await(client.sendToGroup("both", WebPubSubData.rawJson("{\"from\":\"java\",\"n\":[3]}"), noEcho));
            await(client.sendToGroup("both", WebPubSubData.binary(new byte[] {9, 8, (byte) 200}), noEcho));
            List<JsonObject> got = js.await("GOT ", 3, WAIT).stream().map(l -> read(l.substring(4))).toList();
            assertEquals(List.of(read("{\"dataType\":\"text\",\"data\":\"hello from java\",\"fromUserId\":\"java\"}"),
                    read("{\"dataType\":\"json\",\"data\":{\"from\":\"java\",\"n\":[3]},\"fromUserId\":\"java\"}"),
                    read("{\"dataType\":\"binary\",\"data\":\"CQjI\",\"fromUserId\":\"java\"}")), got);

            js.send("send");
            js.await("SENT", 1, WAIT);
            List<GroupMessage> fromJs = java.await(GroupMessage.class, 3);
            assertEquals(List.of("js", "js", "js"), fromJs.stream().map(GroupMessage::fromUserId).toList());
            assertEquals(WebPubSubData.text("hello from js"), fromJs.get(0).data());
            assertEquals(read("{\"from\":\"js\",\"n\":[1,2]}"), fromJs.get(1).data().as(JsonObject.class));
            assertArrayEquals(new byte[] {1, 2, (byte) 254}, fromJs.get(2).data().asBytes());
            assertEquals(WebPubSubDataType.BINARY, fromJs.get(2).data().type());
            js.send("stop");
        }
    }

    private static JsonObject read(String json) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
