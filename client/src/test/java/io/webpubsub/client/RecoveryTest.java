package io.webpubsub.client;

import static io.webpubsub.client.WebPubSubClientTest.await;
import static io.webpubsub.client.WebPubSubClientTest.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.webpubsub.client.support.CuttableProxy;
import io.webpubsub.client.support.Recorder;
import io.webpubsub.client.support.Service;
import io.webpubsub.emulator.WebPubSubEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Abrupt network drops through a proxy in front of the emulator: recovery of the same connection with nothing lost
 * or repeated, resends with the same ack id, a new connection with a fresh token when recovery is refused, rejoin,
 * the non-reliable protocol, and giving up.
 */
class RecoveryTest {

    private static final String HUB = "chat";
    private static final String[] ROLES = {"webpubsub.joinLeaveGroup", "webpubsub.sendToGroup"};
    private WebPubSubEmulator emulator;
    private CuttableProxy proxy;
    private Service service;
    private final List<WebPubSubClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        emulator = WebPubSubEmulator.builder().recoveryWindow(Duration.ofSeconds(2)).start();
        proxy = new CuttableProxy(emulator.port());
        service = new Service(emulator, HUB);
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(WebPubSubClient::close);
        proxy.close();
        emulator.close();
    }

    private WebPubSubClient client(Recorder recorder, AtomicInteger credentialCalls, WebPubSubClientBuilder builder,
            String user, String... roles) {
        WebPubSubClient client = builder.credential(Service.credential(credentialCalls,
                () -> service.clientUrlVia(proxy.endpoint(), user, roles)))
                .reconnectDelay(Duration.ofMillis(100), Duration.ofMillis(400)).build();
        client.addListener(recorder);
        clients.add(client);
        await(client.start());
        return client;
    }

    private static void poll(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Recorder.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + Recorder.WAIT + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aDroppedConnectionIsRecoveredAndMessagesOfTheGapArriveOnceInOrder() throws Exception {
        Recorder events = new Recorder();
        AtomicInteger calls = new AtomicInteger();
        WebPubSubClient client = client(events, calls, new WebPubSubClientBuilder(), "alice", ROLES);
        await(client.joinGroup("room"));
        String id = client.connectionId();
        assertEquals(202, service.post("groups/room/:send", "text/plain", "m0"));
        events.await(GroupMessage.class, 1);

        proxy.refuse(true);
        proxy.cut();
        poll("the client notices the drop", () -> client.state() == WebPubSubClientState.RECOVERING);
        for (int i = 1; i <= 5; i++) {
            assertEquals(202, service.post("groups/room/:send", "text/plain", "m" + i));
        }
        // sent while recovering: waits, then goes out on the recovered connection
        CompletionStage<WebPubSubResult> queued = client.sendToGroup("room", WebPubSubData.text("m6"));
        proxy.refuse(false);

        assertEquals(List.of("m0", "m1", "m2", "m3", "m4", "m5", "m6"),
                events.await(GroupMessage.class, 7).stream().map(m -> m.data().asText()).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L),
                events.all(GroupMessage.class).stream().map(GroupMessage::sequenceId).toList());
        assertEquals(false, await(queued).duplicated());
        assertEquals(id, client.connectionId());
        assertEquals(1, calls.get(), "a recovery needs no new token");
        assertEquals(1, events.all(ConnectedEvent.class).size());
        assertEquals(List.of(), events.all(DisconnectedEvent.class));

        // the service replays what was not acknowledged: cut again and nothing is delivered twice
        proxy.cut();
        assertEquals(202, service.post("groups/room/:send", "text/plain", "m7"));
        events.await(GroupMessage.class, 8);
        assertEquals(202, service.post("groups/room/:send", "text/plain", "m8"));
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"),
                events.await(GroupMessage.class, 9).stream().map(m -> m.data().asText()).toList());
        assertEquals(id, client.connectionId());
    }

    @Test
    void sequenceAcksLetTheServiceForgetWhatWasDelivered() throws Exception {
        Recorder events = new Recorder();
        WebPubSubClient client = client(events, new AtomicInteger(), new WebPubSubClientBuilder(), "ida", ROLES);
        await(client.joinGroup("room"));
        for (int i = 1; i <= 3; i++) {
            assertEquals(202, service.post("groups/room/:send", "text/plain", "seen-" + i));
        }
        events.await(GroupMessage.class, 3);
        // the sequence ack was queued when the messages arrived, so the service has it once this later ack is back
        await(client.joinGroup("other"));

        proxy.record();
        proxy.cut();
        poll("recovered", () -> client.state() == WebPubSubClientState.CONNECTED
                && proxy.recorded().contains("\"event\":\"connected\""));
        assertEquals(202, service.post("groups/room/:send", "text/plain", "marker"));
        events.await(GroupMessage.class, 4);
        String replayed = proxy.recorded();
        assertTrue(replayed.contains("\"marker\""), replayed);
        assertTrue(!replayed.contains("seen-"), "acknowledged messages were replayed: " + replayed);
    }

    @Test
    void withoutSequenceAcksTheServiceWouldReplay() throws Exception {
        // the check above can fail: messages delivered but not acknowledged (their frames swallowed) come back
        Recorder events = new Recorder();
        WebPubSubClient client = client(events, new AtomicInteger(), new WebPubSubClientBuilder(), "jo", ROLES);
        await(client.joinGroup("room"));
        proxy.swallowDownstream(true);
        assertEquals(202, service.post("groups/room/:send", "text/plain", "unseen-1"));
        assertEquals(202, service.post("groups/room/:send", "text/plain", "unseen-2"));
        proxy.record();
        proxy.cut();
        proxy.swallowDownstream(false);
        assertEquals(List.of("unseen-1", "unseen-2"), events.await(GroupMessage.class, 2).stream()
                .map(m -> m.data().asText()).toList());
        assertTrue(proxy.recorded().contains("unseen-1"), proxy.recorded());
    }

    /** A client straight to the emulator (no proxy) that listens to a group. */
    private Recorder observer(String group) {
        Recorder seen = new Recorder();
        WebPubSubClient observer = new WebPubSubClientBuilder()
                .clientAccessUrl(service.clientUrl("observer", ROLES)).build();
        observer.addListener(seen);
        clients.add(observer);
        await(observer.start());
        await(observer.joinGroup(group));
        return seen;
    }

    @Test
    void aSendWhoseAckWasLostIsResentWithTheSameAckIdAndTakesEffectOnce() throws Exception {
        Recorder observer = observer("room");
        Recorder events = new Recorder();
        WebPubSubClient client = client(events, new AtomicInteger(), new WebPubSubClientBuilder(), "bob", ROLES);
        await(client.joinGroup("room"));

        proxy.swallowDownstream(true); // the service gets the message; its ack (and the echo) never come back
        CompletionStage<WebPubSubResult> send = client.sendToGroup("room", WebPubSubData.text("exactly once"));
        observer.await(GroupMessage.class, 1);
        proxy.cut();
        proxy.swallowDownstream(false);

        WebPubSubResult result = await(send);
        assertEquals(new WebPubSubResult(result.ackId(), true), result, "the service recognised the resend");
        // the echo, lost in the swallowed bytes, is replayed by the recovery: once
        assertEquals(List.of("exactly once"), events.await(GroupMessage.class, 1).stream()
                .map(m -> m.data().asText()).toList());
        assertEquals(202, service.post("groups/room/:send", "text/plain", "after"));
        assertEquals(List.of("exactly once", "after"), events.await(GroupMessage.class, 2).stream()
                .map(m -> m.data().asText()).toList());
        assertEquals(List.of("exactly once", "after"), observer.await(GroupMessage.class, 2).stream()
                .map(m -> m.data().asText()).toList());
    }

    @Test
    void aSendThatNeverArrivedIsResentAfterRecovery() throws Exception {
        Recorder observer = observer("room");
        Recorder events = new Recorder();
        WebPubSubClient client = client(events, new AtomicInteger(), new WebPubSubClientBuilder(), "carol", ROLES);

        proxy.swallowUpstream(true);
        CompletionStage<WebPubSubResult> send = client.sendToGroup("room", WebPubSubData.text("late but once"));
        proxy.cut();
        proxy.swallowUpstream(false);

        assertEquals(false, await(send).duplicated());
        assertEquals(List.of("late but once"), observer.await(GroupMessage.class, 1).stream()
                .map(m -> m.data().asText()).toList());
    }

    @Test
    void whenRecoveryIsRefusedANewConnectionWithAFreshTokenRejoinsTheGroups() throws Exception {
        Recorder events = new Recorder();
        AtomicInteger calls = new AtomicInteger();
        // the second token may join "open" but no longer "secret"
        WebPubSubClient client = new WebPubSubClientBuilder()
                .credential(Service.credential(calls, () -> calls.get() == 1
                        ? service.clientUrlVia(proxy.endpoint(), "dave", ROLES)
                        : service.clientUrlVia(proxy.endpoint(), "dave", "webpubsub.joinLeaveGroup.open")))
                .reconnectDelay(Duration.ofMillis(100), Duration.ofMillis(400)).build();
        client.addListener(events);
        clients.add(client);
        await(client.start());
        await(client.joinGroup("open"));
        await(client.joinGroup("secret"));
        await(client.joinGroup("left"));
        await(client.leaveGroup("left"));
        String first = client.connectionId();

        proxy.refuse(true);
        proxy.cut();
        // the emulator's recovery window (2 s) passes: the session ends and recovery is refused with 1008
        poll("the session expired", () -> service.connectionStatus(first) == 404);
        CompletionStage<WebPubSubResult> queued = client.sendToGroup("open", WebPubSubData.text("queued"));
        proxy.refuse(false);

        List<ConnectedEvent> connected = events.await(ConnectedEvent.class, 2);
        assertNotEquals(first, connected.get(1).connectionId());
        assertEquals(first, events.await(DisconnectedEvent.class, 1).get(0).connectionId());
        assertEquals(2, calls.get(), "a new connection asks the credential for a fresh URL");
        RejoinGroupFailedEvent rejoin = events.await(RejoinGroupFailedEvent.class, 1).get(0);
        assertEquals("secret", rejoin.group());
        assertInstanceOf(ForbiddenException.class, rejoin.error());
        assertEquals(1, events.all(RejoinGroupFailedEvent.class).size());

        // the queued send went out on the new connection; the new token cannot send, so it is refused
        assertInstanceOf(ForbiddenException.class, failure(queued));
        assertEquals(202, service.post("groups/open/:send", "text/plain", "to open"));
        assertEquals(202, service.post("groups/left/:send", "text/plain", "to left"));
        assertEquals(202, service.post("groups/secret/:send", "text/plain", "to secret"));
        assertEquals(202, service.post("groups/open/:send", "text/plain", "to open again"));
        events.awaitMatching(GroupMessage.class, 2, m -> m.group().equals("open"));
        assertEquals(List.of("to open", "to open again"), events.groupTexts());
    }

    @Test
    void theJsonProtocolReconnectsWithANewConnectionAndFailsSendsInFlight() throws Exception {
        Recorder events = new Recorder();
        AtomicInteger calls = new AtomicInteger();
        WebPubSubClient client = client(events, calls, new WebPubSubClientBuilder()
                .protocol(WebPubSubProtocol.JSON), "erin", ROLES);
        await(client.joinGroup("room"));
        String first = client.connectionId();

        proxy.swallowUpstream(true);
        CompletionStage<WebPubSubResult> inFlight = client.sendToGroup("room", WebPubSubData.text("lost?"));
        proxy.cut();
        proxy.swallowUpstream(false);

        WebPubSubClientException unknown = assertInstanceOf(WebPubSubClientException.class, failure(inFlight));
        assertTrue(unknown.getMessage().startsWith("The connection ended before the service acknowledged ackId "
                + unknown.getAckId() + "; the operation may or may not have taken effect"), unknown.getMessage());
        assertEquals(first, events.await(DisconnectedEvent.class, 1).get(0).connectionId());
        assertNotEquals(first, events.await(ConnectedEvent.class, 2).get(1).connectionId());
        assertEquals(2, calls.get());
        // rejoined: a group message reaches the new connection
        poll("rejoined", () -> {
            service.post("groups/room/:send", "text/plain", "hello again");
            return !events.all(GroupMessage.class).isEmpty();
        });
        assertEquals(null, events.all(GroupMessage.class).get(0).sequenceId());
    }

    @Test
    void withoutAutoReconnectADropStopsTheClient() throws Exception {
        Recorder events = new Recorder();
        WebPubSubClient client = client(events, new AtomicInteger(), new WebPubSubClientBuilder()
                .protocol(WebPubSubProtocol.JSON).autoReconnect(false), "fay", ROLES);
        String id = client.connectionId();
        proxy.cut();
        events.awaitStopped();
        assertEquals(WebPubSubClientState.STOPPED, client.state());
        assertEquals(id, events.all(DisconnectedEvent.class).get(0).connectionId());
        assertEquals(List.of(ConnectedEvent.class, DisconnectedEvent.class, String.class),
                events.all().stream().map(Object::getClass).toList());
        assertInstanceOf(IllegalStateException.class, failure(client.joinGroup("room")));
    }

    @Test
    void reconnectingGivesUpAfterTheLimitAndFailsQueuedSends() throws Exception {
        Recorder events = new Recorder();
        AtomicInteger calls = new AtomicInteger();
        WebPubSubClient client = client(events, calls, new WebPubSubClientBuilder()
                .protocol(WebPubSubProtocol.JSON).maxReconnectAttempts(3), "gus", ROLES);
        proxy.refuse(true);
        proxy.cut();
        poll("reconnecting", () -> client.state() == WebPubSubClientState.RECONNECTING);
        CompletionStage<WebPubSubResult> queued = client.sendToGroup("room", WebPubSubData.text("never"));
        events.awaitStopped();
        assertEquals(4, calls.get(), "the first connection and three attempts");
        assertEquals("The client stopped (no new connection after 3 attempts); the operation was not sent",
                failure(queued).getMessage());
        assertEquals(WebPubSubClientState.STOPPED, client.state());
    }

    @Test
    void stopDuringRecoveryEndsEverythingAndNothingReconnects() throws Exception {
        Recorder events = new Recorder();
        AtomicInteger calls = new AtomicInteger();
        WebPubSubClient client = client(events, calls, new WebPubSubClientBuilder(), "hal", ROLES);
        proxy.refuse(true);
        proxy.cut();
        poll("recovering", () -> client.state() == WebPubSubClientState.RECOVERING);
        CompletionStage<WebPubSubResult> queued = client.joinGroup("room");
        await(client.stop());
        assertTrue(failure(queued).getMessage().startsWith("The client was stopped before the operation"));
        proxy.refuse(false);
        assertEquals(WebPubSubClientState.STOPPED, client.state());
        assertEquals("stopped", events.all().get(events.all().size() - 1));
        // a reconnect would ask the credential again; give any stray timer a bounded chance to show itself
        long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        while (System.nanoTime() < until) {
            assertEquals(1, calls.get());
            assertEquals(WebPubSubClientState.STOPPED, client.state());
            Thread.sleep(50);
        }
    }
}
