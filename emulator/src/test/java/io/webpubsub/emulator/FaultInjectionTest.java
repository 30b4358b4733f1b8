package io.webpubsub.emulator;

import io.webpubsub.emulator.junit.WebPubSubEmulatorExtension;
import io.webpubsub.emulator.support.Rest;
import io.webpubsub.emulator.support.UpstreamServer;
import io.webpubsub.emulator.support.WsClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fault injection and inspection for app tests, through the embedded API, the JUnit extension and /admin. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {
    private static final String JSON = "json.webpubsub.azure.v1";
    private static final String V = "?api-version=2024-12-01";
    private static final AtomicInteger HUBS = new AtomicInteger();

    @RegisterExtension
    static WebPubSubEmulatorExtension extension = new WebPubSubEmulatorExtension(b -> b.upstreamRetryDelays(List.of()));

    private static String hub() {
        return "faults" + HUBS.incrementAndGet();
    }

    @Test
    @Order(1)
    void restFaultsAnswerNTimesThenTheOperationRuns(WebPubSubEmulator emulator) {
        Rest rest = new Rest(emulator);
        String hub = hub();
        emulator.inject(Fault.rest("sendToAll").status(429).times(2));
        emulator.inject(Fault.rest("sendToAll").status(503).retryAfter(Duration.ofSeconds(7)).once());
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = rest.call("POST", "/api/hubs/" + hub + "/:send" + V, "text/plain", "x");
            assertEquals(429, r.statusCode());
            assertEquals("1", r.headers().firstValue("Retry-After").orElseThrow());
            assertEquals("Error.TooManyRequests", Rest.json(r.body()).getString("code"));
        }
        HttpResponse<String> r = rest.call("POST", "/api/hubs/" + hub + "/:send" + V, "text/plain", "x");
        assertEquals(503, r.statusCode());
        assertEquals("7", r.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/:send" + V, "text/plain", "x").statusCode());
        // other operations were never affected
        assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/groups/g" + V).statusCode());
    }

    @Test
    @Order(2)
    void theExtensionClearedTheFaultsOfTheTestBefore(WebPubSubEmulator emulator) {
        emulator.inject(Fault.rest("groupExists").status(500).hub("elsewhere"));
        Rest rest = new Rest(emulator);
        assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub() + "/groups/g" + V).statusCode());
        assertEquals(500, rest.call("HEAD", "/api/hubs/elsewhere/groups/g" + V).statusCode());
    }

    @Test
    @Order(3)
    void theFaultsOfTheTestBeforeAreGone(WebPubSubEmulator emulator) {
        assertEquals(404, new Rest(emulator).call("HEAD", "/api/hubs/elsewhere/groups/g" + V).statusCode());
    }

    @Test
    void delaysAndResets(WebPubSubEmulator emulator) {
        Rest rest = new Rest(emulator);
        String hub = hub();
        emulator.inject(Fault.rest("*").delay(Duration.ofMillis(400)).once());
        long start = System.nanoTime();
        assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/groups/g" + V).statusCode());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(400).toNanos(), "delayed");
        emulator.inject(Fault.rest("ADDCONNECTIONTOGROUP").reset().once());
        String url = emulator.endpoint() + "/api/hubs/" + hub + "/groups/g/connections/c" + V;
        HttpRequest put = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + rest.token(url))
                .PUT(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
        HttpClient fresh = HttpClient.newHttpClient();
        assertThrows(IOException.class, () -> fresh.send(put, HttpResponse.BodyHandlers.ofString()));
        assertEquals(404, Rest.send(put).statusCode()); // the fault is used up: connection c does not exist
    }

    @Test
    void unknownOperationsAndBadValuesAreRefused(WebPubSubEmulator emulator) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> emulator.inject(Fault.rest("sendToEveryone")));
        assertTrue(e.getMessage().startsWith("Unknown REST operation(s) [sendtoeveryone]; known: "
                + "[addconnectionstogroups, addconnectiontogroup, "), e.getMessage());
        assertEquals("status must be from 400 to 599, got 200",
                assertThrows(IllegalArgumentException.class, () -> Fault.rest("*").status(200)).getMessage());
        assertEquals("times must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Fault.upstream("*").times(0)).getMessage());
    }

    @Test
    void upstreamFaultsFailOrSlowTheHandlerCalls(WebPubSubEmulator emulator) {
        try (UpstreamServer upstream = new UpstreamServer()) {
            String hub = hub();
            upstream.answers(r -> r.method().equals("OPTIONS")
                    ? UpstreamServer.Answer.of(200, "WebHook-Allowed-Origin", "*")
                    : UpstreamServer.Answer.body(200, "text/plain", "pong"));
            emulator.eventHandlers(hub, List.of(EventHandler.url(upstream.url() + "/{event}").userEvents("*")));
            emulator.inject(Fault.upstream("echo").status(500).once());
            emulator.inject(Fault.upstream("echo").reset().once());
            emulator.inject(Fault.upstream("echo").delay(Duration.ofMillis(300)).once());
            Rest rest = new Rest(emulator);
            try (WsClient c = WsClient.connect(rest.clientUrl(hub, "u", List.of(), List.of()), JSON)) {
                c.nextJson();
                for (int ack = 1; ack <= 2; ack++) {
                    c.send("{\"type\":\"event\",\"event\":\"echo\",\"dataType\":\"text\",\"data\":\"ping\","
                            + "\"ackId\":" + ack + "}");
                    JsonObject nack = c.nextJson();
                    assertFalse(nack.getBoolean("success"), nack.toString());
                }
                long start = System.nanoTime();
                c.send("{\"type\":\"event\",\"event\":\"echo\",\"dataType\":\"text\",\"data\":\"ping\",\"ackId\":3}");
                List<JsonObject> frames = List.of(c.nextJson(), c.nextJson());
                assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos(), "delayed");
                assertTrue(frames.stream().anyMatch(f -> f.toString().contains("pong")), frames.toString());
                assertEquals("ping", upstream.nextEvent().text()); // only the delayed call reached the handler
                upstream.assertNothing(200);
            }
        }
    }

    @Test
    void droppedReliableConnectionsStayRecoverableAndInspectionShowsThem(WebPubSubEmulator emulator) {
        Rest rest = new Rest(emulator);
        String hub = hub();
        try (WsClient reliable = WsClient.connect(rest.clientUrl(hub, "alice", List.of(), List.of("room")),
                "json.reliable.webpubsub.azure.v1");
             WsClient plain = WsClient.connect(rest.clientUrl(hub, "bob", List.of(), List.of("room")), JSON)) {
            String aliceId = reliable.nextJson().getString("connectionId");
            String bobId = plain.nextJson().getString("connectionId");
            assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/groups/room/:send" + V, "text/plain", "hello")
                    .statusCode());
            reliable.nextJson();
            plain.nextJson();
            HubSnapshot before = emulator.inspect(hub);
            assertEquals(List.of(aliceId), before.users().get("alice"));
            assertEquals(List.of(aliceId, bobId).stream().sorted().toList(),
                    before.groups().get("room").stream().sorted().toList());
            HubSnapshot.Delivery d = before.deliveries().get(before.deliveries().size() - 1);
            assertEquals("hello", d.text());
            assertEquals("room", d.group());
            assertEquals("text", d.dataType());
            assertEquals(2, d.connectionIds().size());

            assertEquals(2, emulator.dropConnections(hub, c -> true));
            assertTrue(reliable.awaitClose().startsWith("1006"));
            assertTrue(plain.awaitClose().startsWith("1006"));
            HubSnapshot after = pollUntil(() -> emulator.inspect(hub), s -> s.connection(bobId).isEmpty()
                    && s.connection(aliceId).map(c -> !c.attached()).orElse(false));
            assertEquals(List.of("room"), List.copyOf(after.connection(aliceId).orElseThrow().groups()));
        }
    }

    @Test
    void adminEndpointInjectsClearsAndInspectsWithTheAccessKey(WebPubSubEmulator emulator) {
        Rest rest = new Rest(emulator);
        String hub = hub();
        assertEquals(401, Rest.send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/admin/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode());
        HttpResponse<String> bad = rest.call("POST", "/admin/faults", "application/json", "{\"rest\":[\"nope\"]}");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Unknown REST operation(s) [nope]"), bad.body());
        assertEquals(204, rest.call("POST", "/admin/faults", "application/json",
                "{\"rest\":[\"sendToUser\"],\"hub\":\"" + hub + "\",\"status\":429,\"retryAfterSeconds\":3,"
                        + "\"times\":5}")
                .statusCode());
        HttpResponse<String> r = rest.call("POST", "/api/hubs/" + hub + "/users/u/:send" + V, "text/plain", "x");
        assertEquals(429, r.statusCode());
        assertEquals("3", r.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(204, rest.call("DELETE", "/admin/faults").statusCode());
        assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/users/u/:send" + V, "text/plain", "x").statusCode());
        try (WsClient c = WsClient.connect(rest.clientUrl(hub, "u", List.of(), List.of("g")), JSON)) {
            String id = c.nextJson().getString("connectionId");
            JsonObject snapshot = Rest.json(rest.call("GET", "/admin/hubs/" + hub).body());
            assertEquals(id, snapshot.getJsonArray("connections").getJsonObject(0).getString("connectionId"));
            JsonObject first = snapshot.getJsonArray("connections").getJsonObject(0);
            assertEquals("g", first.getJsonArray("groups").getString(0));
            assertEquals("x", snapshot.getJsonArray("deliveries").getJsonObject(0).getString("data"));
            assertEquals(204, rest.call("POST", "/admin/hubs/" + hub + "/connections/" + id + "/:drop").statusCode());
            assertTrue(c.awaitClose().startsWith("1006"));
            // the client sees the drop before the emulator has forgotten the connection
            assertEquals(404, rest.awaitStatus(404, "POST", "/admin/hubs/" + hub + "/connections/" + id + "/:drop"));
        }
    }

    @Test
    void adminEndpointRefusesEntraTokensEvenWhenTheApiAcceptsThem() {
        try (WebPubSubEmulator entra = WebPubSubEmulator.builder().entraTokens(true).start()) {
            long now = java.time.Instant.now().getEpochSecond();
            String token = io.webpubsub.emulator.impl.auth.Jwt.sign(io.webpubsub.emulator.impl.Jsons.PROVIDER
                    .createObjectBuilder().add("aud", "https://webpubsub.azure.com").add("exp", now + 600).build(),
                    "not-the-access-key-not-the-access-key");
            HttpRequest.Builder api = HttpRequest.newBuilder(URI.create(entra.endpoint() + "/api/hubs/h/groups/g" + V))
                    .header("Authorization", "Bearer " + token).method("HEAD", HttpRequest.BodyPublishers.noBody());
            assertEquals(404, Rest.send(api.build()).statusCode());
            HttpRequest admin = HttpRequest.newBuilder(URI.create(entra.endpoint() + "/admin/faults"))
                    .header("Authorization", "Bearer " + token).DELETE().build();
            assertEquals(401, Rest.send(admin).statusCode());
        }
    }

    private static <T> T pollUntil(java.util.function.Supplier<T> value, java.util.function.Predicate<T> done) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T v = value.get();
        while (!done.test(v)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached in 10 s: " + v);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            v = value.get();
        }
        return v;
    }
}
