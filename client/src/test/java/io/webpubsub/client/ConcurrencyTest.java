package io.webpubsub.client;

import static io.webpubsub.client.WebPubSubClientTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webpubsub.client.support.Recorder;
import io.webpubsub.client.support.Service;
import io.webpubsub.emulator.WebPubSubEmulator;
import io.webpubsub.emulator.junit.WebPubSubEmulatorExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many threads share one client. */
@ExtendWith(WebPubSubEmulatorExtension.class)
class ConcurrencyTest {

    private static final String[] ROLES = {"webpubsub.joinLeaveGroup", "webpubsub.sendToGroup"};

    @Test
    void aThousandConcurrentSendsAreAllAcknowledgedAndDeliveredOnce(WebPubSubEmulator emulator) throws Exception {
        Service service = new Service(emulator, "load");
        Recorder received = new Recorder();
        try (WebPubSubClient sender = new WebPubSubClientBuilder()
                .clientAccessUrl(service.clientUrl("sender", ROLES)).build();
             WebPubSubClient receiver = new WebPubSubClientBuilder()
                .clientAccessUrl(service.clientUrl("receiver", ROLES)).build()) {
            receiver.addListener(received);
            await(sender.start());
            await(receiver.start());
            await(receiver.joinGroup("g"));

            ExecutorService threads = Executors.newFixedThreadPool(8);
            ConcurrentLinkedQueue<CompletionStage<WebPubSubResult>> sends = new ConcurrentLinkedQueue<>();
            List<Future<?>> submitted = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                submitted.add(threads.submit(() -> IntStream.range(0, 125).forEach(i -> sends.add(
                        sender.sendToGroup("g", WebPubSubData.text(thread + "-" + i))))));
            }
            for (Future<?> f : submitted) {
                f.get();
            }
            threads.shutdown();
            assertEquals(1000, sends.size());
            Set<Long> ackIds = new HashSet<>();
            for (CompletionStage<WebPubSubResult> send : sends) {
                WebPubSubResult result = await(send);
                assertEquals(false, result.duplicated());
                ackIds.add(result.ackId());
            }
            assertEquals(1000, ackIds.size());
            List<String> texts = received.await(GroupMessage.class, 1000).stream().map(m -> m.data().asText())
                    .toList();
            assertEquals(1000, new HashSet<>(texts).size());
            // per sending thread the order is kept
            for (int t = 0; t < 8; t++) {
                String prefix = t + "-";
                assertEquals(IntStream.range(0, 125).mapToObj(i -> prefix + i).toList(),
                        texts.stream().filter(s -> s.startsWith(prefix)).toList());
            }
        }
    }
}
