package io.webpubsub.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.webpubsub.client.support.Recorder;
import io.webpubsub.client.support.Service;
import io.webpubsub.emulator.EventHandler;
import io.webpubsub.emulator.WebPubSubEmulator;
import io.webpubsub.emulator.junit.WebPubSubEmulatorExtension;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every operation and listener against the emulator, on both protocols; bad input; stop semantics. */
class WebPubSubClientTest {

    @RegisterExtension
    static final WebPubSubEmulatorExtension EMULATOR = new WebPubSubEmulatorExtension();
    private static final String HUB = "chat";
    private static final String[] ALL_ROLES = {"webpubsub.joinLeaveGroup", "webpubsub.sendToGroup"};

    private final List<WebPubSubClient> clients = new ArrayList<>();
    private Service service;

    @BeforeEach
    void service(WebPubSubEmulator emulator) {
        service = new Service(emulator, HUB);
    }

    @AfterEach
    void stopClients() {
        clients.forEach(WebPubSubClient::close);
    }

    private WebPubSubClient client(Recorder recorder, WebPubSubClientBuilder builder) {
        WebPubSubClient client = builder.build();
        client.addListener(recorder);
        clients.add(client);
        return client;
    }

    private WebPubSubClient started(String user, Recorder recorder, String... roles) {
        WebPubSubClient client = client(recorder, new WebPubSubClientBuilder()
                .clientAccessUrl(service.clientUrl(user, roles)));
        await(client.start());
        return client;
    }

    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(Recorder.WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Throwable failure(CompletionStage<?> stage) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> stage.toCompletableFuture().get(Recorder.WAIT.toSeconds(), TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void startReportsTheConnectionAndStopEndsIt() throws InterruptedException {
        Recorder events = new Recorder();
        WebPubSubClient client = started("alice", events);
        ConnectedEvent connected = events.all(ConnectedEvent.class).get(0); // start() completes after onConnected
        assertEquals("alice", connected.userId());
        assertEquals(connected.connectionId(), client.connectionId());
        assertEquals("alice", client.userId());
        assertEquals(WebPubSubClientState.CONNECTED, client.state());
        assertEquals(200, service.connectionStatus(connected.connectionId()));
        assertFalse(events.lastThread().getName().contains("HttpClient"), events.lastThread().getName());

        await(client.stop());
        assertEquals(WebPubSubClientState.STOPPED, client.state());
        assertEquals(List.of(connected, new DisconnectedEvent(connected.connectionId(), "stopped"), "stopped"),
                events.all());
        assertNull(client.connectionId());
        // the service forgets the connection once it handled the close frame: poll, bounded
        long deadline = System.nanoTime() + Recorder.WAIT.toNanos();
        while (service.connectionStatus(connected.connectionId()) != 404) {
            assertTrue(System.nanoTime() < deadline, "the service still knows the stopped connection");
            Thread.sleep(20);
        }
        Throwable afterStop = failure(client.sendToGroup("room", WebPubSubData.text("late")));
        assertEquals("The client is stopped; call start() first", afterStop.getMessage());
        assertInstanceOf(IllegalStateException.class, afterStop);
        await(client.stop()); // idempotent

        // a stopped client may start again, with a new connection
        await(client.start());
        assertNotEquals(connected.connectionId(), client.connectionId());
        assertEquals(2, events.await(ConnectedEvent.class, 2).size());
    }

    @Test
    void groupMembersExchangeTextJsonAndBinary() {
        Recorder alice = new Recorder();
        Recorder bob = new Recorder();
        WebPubSubClient a = started("alice", alice, ALL_ROLES);
        WebPubSubClient b = started("bob", bob, ALL_ROLES);
        WebPubSubResult joined = await(a.joinGroup("room"));
        assertFalse(joined.duplicated());
        await(b.joinGroup("room"));

        await(a.sendToGroup("room", WebPubSubData.text("hi")));
        await(a.sendToGroup("room", WebPubSubData.json(new Notice("hello", 2)), new SendToGroupOptions()
                .setNoEcho(true)));
        await(a.sendToGroup("room", WebPubSubData.binary(new byte[] {0, (byte) 255, 7})));

        List<GroupMessage> received = bob.await(GroupMessage.class, 3);
        assertEquals(new GroupMessage("room", "alice", WebPubSubData.text("hi"), 1L), received.get(0));
        assertEquals(WebPubSubDataType.JSON, received.get(1).data().type());
        assertEquals(new Notice("hello", 2), received.get(1).data().as(Notice.class));
        assertEquals(2, received.get(1).data().as(JsonObject.class).getInt("count"));
        assertArrayEquals(new byte[] {0, (byte) 255, 7}, received.get(2).data().asBytes());
        // noEcho: alice gets her text and binary back, not the JSON
        assertEquals(List.of(WebPubSubDataType.TEXT, WebPubSubDataType.BINARY),
                alice.await(GroupMessage.class, 2).stream().map(m -> m.data().type()).toList());

        await(b.leaveGroup("room"));
        await(a.sendToGroup("room", WebPubSubData.text("bob left")));
        alice.awaitMatching(GroupMessage.class, 1, m -> m.data().type() == WebPubSubDataType.TEXT
                && m.data().asText().equals("bob left"));
        assertEquals(3, bob.all(GroupMessage.class).size());
    }

    /** A JSON-B mapped payload. */
    public static final class Notice {
        public String text;
        public int count;

        public Notice() {
        }

        Notice(String text, int count) {
            this.text = text;
            this.count = count;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Notice n && n.text.equals(text) && n.count == count;
        }

        @Override
        public int hashCode() {
            return text.hashCode() + count;
        }
    }

    @Test
    void ackIdsAreAssignedOrGivenAndDuplicatesCountAsSuccess() {
        Recorder alice = new Recorder();
        Recorder bob = new Recorder();
        WebPubSubClient a = started("alice", alice, ALL_ROLES);
        WebPubSubClient b = started("bob", bob, ALL_ROLES);
        await(b.joinGroup("room"));
        WebPubSubResult first = await(a.sendToGroup("room", WebPubSubData.text("x")));
        WebPubSubResult second = await(a.sendToGroup("room", WebPubSubData.text("y")));
        assertEquals(first.ackId() + 1, second.ackId());

        SendToGroupOptions given = new SendToGroupOptions().setAckId(1000L);
        assertEquals(new WebPubSubResult(1000L, false), await(a.sendToGroup("room", WebPubSubData.text("once"),
                given)));
        assertEquals(new WebPubSubResult(1000L, true), await(a.sendToGroup("room", WebPubSubData.text("once"),
                given)));

        WebPubSubResult unacked = await(a.sendToGroup("room", WebPubSubData.text("ff"), new SendToGroupOptions()
                .setFireAndForget(true)));
        assertNull(unacked.ackId());
        bob.awaitMatching(GroupMessage.class, 1, m -> m.data().asText().equals("ff"));
        assertEquals(List.of("x", "y", "once", "ff"), bob.groupTexts());
    }

    @Test
    void ackErrorsAreTypedExceptions() {
        Recorder events = new Recorder();
        WebPubSubClient client = started("mallory", events, "webpubsub.joinLeaveGroup.lobby");
        ForbiddenException send = assertInstanceOf(ForbiddenException.class,
                failure(client.sendToGroup("lobby", WebPubSubData.text("x"))));
        assertEquals("Forbidden", send.getErrorName());
        assertEquals(1L, send.getAckId());
        assertTrue(send.getMessage().startsWith("The service refused ackId 1: Forbidden"), send.getMessage());
        assertInstanceOf(ForbiddenException.class, failure(client.joinGroup("vip")));
        await(client.joinGroup("lobby"));

        InternalServerErrorException event = assertInstanceOf(InternalServerErrorException.class,
                failure(client.sendEvent("nobody", WebPubSubData.text("hello?"))));
        assertEquals("InternalServerError", event.getErrorName());
        // errors do not end the connection
        assertEquals(WebPubSubClientState.CONNECTED, client.state());
        assertEquals(1, events.all(ConnectedEvent.class).size());
    }

    @Test
    void eventsReachTheHandlerAndItsReplyIsAServerMessage(WebPubSubEmulator emulator) throws Exception {
        HttpServer handler = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handler.createContext("/", exchange -> {
            if ("OPTIONS".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("WebHook-Allowed-Origin", "*");
                exchange.sendResponseHeaders(200, -1);
            } else {
                byte[] reply = ("echo:" + new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, reply.length);
                exchange.getResponseBody().write(reply);
            }
            exchange.close();
        });
        handler.start();
        emulator.eventHandlers(HUB, List.of(EventHandler.url("http://127.0.0.1:"
                + handler.getAddress().getPort() + "/{event}").userEvents("echo")));
        try {
            Recorder events = new Recorder();
            WebPubSubClient client = started("carol", events);
            WebPubSubResult result = await(client.sendEvent("echo", WebPubSubData.text("ping")));
            assertFalse(result.duplicated());
            // the reply precedes the ack on the wire, but listeners and stages run on different threads
            ServerMessage reply = events.await(ServerMessage.class, 1).get(0);
            assertEquals("echo:ping", reply.data().asText());
            assertEquals(WebPubSubDataType.TEXT, reply.data().type());
            assertNull(await(client.sendEvent("echo", WebPubSubData.json(List.of(1, 2)), new SendEventOptions()
                    .setFireAndForget(true))).ackId());
            assertEquals("echo:[1,2]", events.await(ServerMessage.class, 2).get(1).data().asText());
        } finally {
            emulator.eventHandlers(HUB, List.of());
            handler.stop(0);
        }
    }

    @Test
    void serverMessagesArriveWithSequenceIdsOnTheReliableProtocolOnly() {
        Recorder reliable = new Recorder();
        Recorder plain = new Recorder();
        WebPubSubClient r = started("dave", reliable);
        WebPubSubClient p = client(plain, new WebPubSubClientBuilder().protocol(WebPubSubProtocol.JSON)
                .clientAccessUrl(service.clientUrl("dave")));
        await(p.start());
        assertEquals(202, service.post("users/dave/:send", "application/json", "{\"a\":1}"));
        assertEquals(202, service.post("users/dave/:send", "application/octet-stream", "bin"));
        List<ServerMessage> onReliable = reliable.await(ServerMessage.class, 2);
        assertEquals(List.of(1L, 2L), onReliable.stream().map(ServerMessage::sequenceId).toList());
        assertEquals("{\"a\":1}", onReliable.get(0).data().asText());
        assertEquals("bin", new String(onReliable.get(1).data().asBytes(), StandardCharsets.UTF_8));
        List<ServerMessage> onPlain = plain.await(ServerMessage.class, 2);
        assertNull(onPlain.get(0).sequenceId());
        assertEquals(onReliable.get(0).data(), onPlain.get(0).data());
        assertEquals(onReliable.get(1).data(), onPlain.get(1).data());
        assertEquals(WebPubSubClientState.CONNECTED, r.state());
    }

    @Test
    void badInputFailsBeforeAnythingIsSent() {
        Recorder events = new Recorder();
        WebPubSubClient client = started("erin", events, ALL_ROLES);
        WebPubSubData hi = WebPubSubData.text("hi");
        assertEquals("group", assertThrows(NullPointerException.class, () -> client.joinGroup(null)).getMessage());
        assertEquals("Invalid 'group': the group name is empty",
                assertThrows(IllegalArgumentException.class, () -> client.sendToGroup("", hi)).getMessage());
        assertEquals("content", assertThrows(NullPointerException.class,
                () -> client.sendToGroup("room", null)).getMessage());
        assertEquals("Invalid 'event': the event name is empty",
                assertThrows(IllegalArgumentException.class, () -> client.sendEvent("", hi)).getMessage());
        assertEquals("Invalid 'ackId': a fire-and-forget send has no ack id", assertThrows(
                IllegalArgumentException.class, () -> client.sendToGroup("room", hi, new SendToGroupOptions()
                        .setFireAndForget(true).setAckId(5L))).getMessage());
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> client.sendToGroup("room", WebPubSubData.binary(new byte[800_000])));
        assertTrue(big.getMessage().startsWith("Invalid 'content': the message takes 1066"), big.getMessage());
        assertTrue(big.getMessage().endsWith("more than the maximum message size of 1048576 bytes"),
                big.getMessage());
        assertEquals("Invalid 'json': Invalid token=EOF at (line no=1, column no=0, offset=-1). Expected tokens are:"
                + " [CURLYOPEN, SQUAREOPEN, STRING, NUMBER, TRUE, FALSE, NULL]",
                assertThrows(IllegalArgumentException.class, () -> WebPubSubData.rawJson("")).getMessage());
        assertEquals("Invalid 'timeout': PT0S (must be positive)", assertThrows(IllegalArgumentException.class,
                () -> new WebPubSubClientBuilder().connectTimeout(Duration.ZERO)).getMessage());
        assertEquals("Set 'credential' or 'clientAccessUrl' before build()",
                assertThrows(IllegalStateException.class, () -> new WebPubSubClientBuilder().build()).getMessage());
        // the connection is unaffected and the first ack id the service sees is fresh
        assertEquals(new WebPubSubResult(1L, false), await(client.joinGroup("room", 1L)));
    }

    @Test
    void aFailingOrBlockingListenerHoldsUpNeitherOtherListenersNorTheConnection() throws Exception {
        Recorder events = new Recorder();
        WebPubSubClient client = started("ivy", events, ALL_ROLES);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        WebPubSubClientListener failing = new WebPubSubClientListener() {
            @Override
            public void onServerMessage(ServerMessage message) {
                throw new IllegalStateException("listener bug");
            }
        };
        WebPubSubClientListener blocking = new WebPubSubClientListener() {
            @Override
            public void onGroupMessage(GroupMessage message) {
                try {
                    // blocks this client's event thread; operations, acks and the reader go on
                    assertEquals(false, await(client.sendToGroup("room", WebPubSubData.text("from a listener")))
                            .duplicated());
                    release.await(Recorder.WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        client.addListener(failing);
        client.addListener(blocking);
        await(client.joinGroup("room"));
        assertEquals(202, service.post("users/ivy/:send", "text/plain", "to ivy"));
        assertEquals("to ivy", events.await(ServerMessage.class, 1).get(0).data().asText());
        assertEquals(202, service.post("groups/room/:send", "text/plain", "first"));
        assertEquals(202, service.post("groups/room/:send", "text/plain", "second"));
        events.await(GroupMessage.class, 1);
        // while the blocking listener waits, the ack of its own send came back and the client stays connected
        assertEquals(WebPubSubClientState.CONNECTED, client.state());
        assertEquals(1, events.all(GroupMessage.class).size());
        release.countDown();
        client.removeListener(blocking);
        // the listener's send and the second REST send race to the service
        assertEquals(java.util.Set.of("first", "second", "from a listener"), events.await(GroupMessage.class, 3)
                .stream().map(m -> m.data().asText()).collect(java.util.stream.Collectors.toSet()));
        assertTrue(events.lastThread().getName().startsWith("webpubsub-client-"), events.lastThread().getName());
    }

    @Test
    void aRefusedStartFailsWithTheStatusAndNoReconnect() {
        Recorder events = new Recorder();
        AtomicInteger calls = new AtomicInteger();
        WebPubSubClient client = client(events, new WebPubSubClientBuilder().credential(Service.credential(calls,
                () -> service.clientUrl("frank").replace("access_token=", "access_token=x"))));
        Throwable refused = failure(client.start());
        assertInstanceOf(WebPubSubClientException.class, refused);
        assertEquals("Could not connect: the handshake was refused with HTTP 401", refused.getMessage());
        assertFalse(refused.getMessage().contains("access_token"));
        assertEquals(401, assertInstanceOf(java.net.http.WebSocketHandshakeException.class, refused.getCause())
                .getResponse().statusCode());
        assertEquals(WebPubSubClientState.STOPPED, client.state());
        assertEquals(1, calls.get());
        assertEquals(List.of(), events.all());
    }
}
