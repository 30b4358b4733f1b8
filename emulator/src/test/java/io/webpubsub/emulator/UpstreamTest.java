package io.webpubsub.emulator;

import io.webpubsub.emulator.impl.auth.Jwt;
import io.webpubsub.emulator.support.Rest;
import io.webpubsub.emulator.support.UpstreamServer;
import io.webpubsub.emulator.support.UpstreamServer.Answer;
import io.webpubsub.emulator.support.UpstreamServer.Received;
import io.webpubsub.emulator.support.WsClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The upstream side against a local JDK HttpServer event handler. */
class UpstreamTest {
    private static final String JSON = "json.webpubsub.azure.v1";
    private static final String V = "?api-version=2024-12-01";
    private static final String SECONDARY = "SECONDARY-KEY-0123456789-0123456789";
    private static final AtomicInteger HUBS = new AtomicInteger();
    private static final List<String> TRACE = new CopyOnWriteArrayList<>();
    static WebPubSubEmulator emulator;
    static Rest rest;
    UpstreamServer upstream;
    String hub;

    @BeforeAll
    static void start() {
        emulator = WebPubSubEmulator.builder().secondaryAccessKey(SECONDARY)
                .upstreamRetryDelays(List.of(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100)))
                .upstreamTimeout(Duration.ofSeconds(5))
                .liveTrace(TRACE::add)
                .start();
        rest = new Rest(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void handler() {
        upstream = new UpstreamServer();
        hub = "up" + HUBS.incrementAndGet();
    }

    @AfterEach
    void close() {
        upstream.close();
    }

    private void handlers(EventHandler... handlers) {
        emulator.eventHandlers(hub, List.of(handlers));
    }

    private EventHandler all() {
        return EventHandler.url(upstream.url() + "/upstream/{hub}/{event}").userEvents("*")
                .systemEvents("connect", "connected", "disconnected", "joined", "left");
    }

    private static String signature(String connectionId) {
        return "sha256=" + HexFormat.of().formatHex(Jwt.hmac(WebPubSubEmulator.DEFAULT_ACCESS_KEY, connectionId))
                + ",sha256=" + HexFormat.of().formatHex(Jwt.hmac(SECONDARY, connectionId));
    }

    @Test
    void connectConnectedDisconnectedWithEveryHeader() {
        handlers(all());
        String url = rest.clientUrl(hub, "u1", List.of("webpubsub.sendToGroup"), List.of()) + "&custom=1&custom=2";
        WsClient c = WsClient.connect(url, "unknown.protocol", JSON);
        String id = c.nextJson().getString("connectionId");
        Received validation = upstream.next();
        assertEquals("OPTIONS", validation.method());
        assertEquals("/upstream/" + hub + "/validate", validation.path());
        assertEquals("127.0.0.1:" + emulator.port(), validation.header("WebHook-Request-Origin"));
        assertEquals("1.0", validation.header("ce-awpsversion"));

        Received connect = upstream.next();
        assertEquals("POST", connect.method());
        assertEquals("/upstream/" + hub + "/connect", connect.path());
        assertEquals("application/json; charset=utf-8", connect.header("Content-Type"));
        assertEquals("127.0.0.1:" + emulator.port(), connect.header("WebHook-Request-Origin"));
        assertEquals("1.0", connect.header("ce-specversion"));
        assertEquals("1.0", connect.header("ce-awpsversion"));
        assertEquals("azure.webpubsub.sys.connect", connect.header("ce-type"));
        assertEquals("/hubs/" + hub + "/client/" + id, connect.header("ce-source"));
        assertEquals("0", connect.header("ce-id"));
        assertTrue(connect.header("ce-time").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"),
                connect.header("ce-time"));
        assertEquals(signature(id), connect.header("ce-signature"));
        assertEquals("u1", connect.header("ce-userId"));
        assertEquals(id, connect.header("ce-connectionId"));
        assertEquals(hub, connect.header("ce-hub"));
        assertEquals("connect", connect.header("ce-eventName"));
        assertNull(connect.header("ce-connectionState"));
        JsonObject body = Rest.json(connect.text());
        assertEquals("[\"u1\"]", body.getJsonObject("claims").getJsonArray("sub").toString());
        assertEquals("[\"webpubsub.sendToGroup\"]", body.getJsonObject("claims").getJsonArray("role").toString());
        assertEquals("{\"custom\":[\"1\",\"2\"]}", body.getJsonObject("query").toString());
        assertFalse(body.getJsonObject("headers").containsKey("Authorization"));
        assertEquals("[\"unknown.protocol\",\"json.webpubsub.azure.v1\"]",
                body.getJsonArray("subprotocols").toString());
        assertEquals("[]", body.getJsonArray("clientCertificates").toString());

        Received connected = upstream.next();
        assertEquals("/upstream/" + hub + "/connected", connected.path());
        assertEquals("azure.webpubsub.sys.connected", connected.header("ce-type"));
        assertEquals("1", connected.header("ce-id"));
        assertEquals(JSON, connected.header("ce-subprotocol"));
        assertEquals("{}", connected.text());

        rest.call("DELETE", "/api/hubs/" + hub + "/connections/" + id + V + "&reason=done");
        Received disconnected = upstream.next();
        assertEquals("azure.webpubsub.sys.disconnected", disconnected.header("ce-type"));
        assertEquals("2", disconnected.header("ce-id"));
        assertEquals("{\"reason\":\"done\"}", disconnected.text());
        c.awaitClose();
    }

    @Test
    void clientCloseSendsDisconnectedWithTheClientsReason() {
        handlers(EventHandler.url(upstream.url() + "/{event}").systemEvents("disconnected"));
        WsClient c = WsClient.connect(rest.clientUrl(hub, "bye", List.of(), List.of()), JSON);
        String id = c.nextJson().getString("connectionId");
        c.close();
        Received disconnected = upstream.nextEvent();
        assertEquals("/disconnected", disconnected.path());
        assertEquals(id, disconnected.header("ce-connectionId"));
        assertEquals("bye", disconnected.header("ce-userId"));
        assertEquals("{\"reason\":\"\"}", disconnected.text());
    }

    @Test
    void connectResponseIsApplied() {
        handlers(all());
        upstream.answers(r -> r.path().endsWith("/connect")
                ? Answer.body(200, "application/json",
                        "{\"userId\":\"override\",\"groups\":[\"g\"],\"roles\":[\"webpubsub.sendToGroup\"],"
                + "\"subprotocol\":\"json.reliable.webpubsub.azure.v1\"}", "ce-connectionState", "c3RhdGU=")
                : UpstreamServer.standard(r));
        try (WsClient c = WsClient.connect(rest.clientUrl(hub, "orig", List.of(), List.of("ignored")), JSON,
                "json.reliable.webpubsub.azure.v1")) {
            assertEquals("json.reliable.webpubsub.azure.v1", c.subprotocol());
            JsonObject connected = c.nextJson();
            assertEquals("override", connected.getString("userId"));
            assertTrue(connected.containsKey("reconnectionToken"));
            assertEquals(200, rest.call("HEAD", "/api/hubs/" + hub + "/groups/g" + V).statusCode());
            assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/groups/ignored" + V).statusCode());
            assertEquals(200, rest.call("HEAD", "/api/hubs/" + hub + "/users/override" + V).statusCode());
            c.send("{\"type\":\"sendToGroup\",\"group\":\"any\",\"ackId\":1,\"data\":1}");
            assertEquals("{\"type\":\"ack\",\"ackId\":1,\"success\":true}", c.nextText());
            assertEquals("azure.webpubsub.sys.connect", upstream.nextEvent().header("ce-type"));
            // joined and connected are posted concurrently
            List<Received> two = List.of(upstream.nextEvent(), upstream.nextEvent());
            assertTrue(two.stream().anyMatch(r -> r.header("ce-type").equals("azure.webpubsub.sys.joined")));
            Received connectedEvent = two.stream().filter(r -> r.header("ce-type")
                    .equals("azure.webpubsub.sys.connected"))
                    .findFirst().orElseThrow();
            assertEquals("c3RhdGU=", connectedEvent.header("ce-connectionState"));
            assertEquals("override", connectedEvent.header("ce-userId"));
        }
    }

    @Test
    void connectRejectionsReachTheClient() {
        handlers(all());
        String ws = rest.clientUrl(hub, "u", List.of(), List.of());
        for (int status : new int[]{401, 403, 400, 429}) {
            upstream.answers(r -> r.path().endsWith("/connect") ? Answer.of(status) : UpstreamServer.standard(r));
            assertEquals(status, WsClient.handshakeStatus(ws, JSON));
        }
        AtomicInteger attempts = new AtomicInteger();
        upstream.answers(r -> {
            if (r.path().endsWith("/connect")) {
                attempts.incrementAndGet();
                return Answer.of(503);
            }
            return UpstreamServer.standard(r);
        });
        assertEquals(503, WsClient.handshakeStatus(ws, JSON));
        assertEquals(4, attempts.get());
        upstream.answers(r -> r.path().endsWith("/connect") ? Answer.body(200, "application/json", "not json")
                : UpstreamServer.standard(r));
        assertEquals(500, WsClient.handshakeStatus(ws, JSON));
        upstream.answers(r -> r.path().endsWith("/connect") ? Answer.body(200, "application/json",
                "{\"subprotocol\":\"other\"}")
                : UpstreamServer.standard(r));
        assertEquals(500, WsClient.handshakeStatus(ws, JSON));
        upstream.clear();
        upstream.answers(UpstreamServer::standard);
        // a rejected connection never produced connected/disconnected events
        try (WsClient c = WsClient.connect(ws, JSON)) {
            c.nextJson();
            assertEquals("azure.webpubsub.sys.connect", upstream.nextEvent().header("ce-type"));
            assertEquals("azure.webpubsub.sys.connected", upstream.nextEvent().header("ce-type"));
        }
    }

    @Test
    void userEventRepliesAcksAndConnectionState() {
        handlers(all());
        upstream.answers(r -> switch (r.path().substring(r.path().lastIndexOf('/') + 1)) {
            case "echo" -> Answer.body(200, "text/plain", "pong:" + r.text(), "ce-connectionState", "s2");
            case "jsonreply" -> Answer.body(200, "application/json; charset=utf-8", "{\"ok\":true}");
            case "binreply" -> Answer.body(200, "application/octet-stream", "AB");
            case "fail" -> Answer.of(400);
            default -> UpstreamServer.standard(r);
        });
        try (WsClient c = WsClient.connect(rest.clientUrl(hub, "ev", List.of(), List.of()), JSON)) {
            String id = c.nextJson().getString("connectionId");
            c.send("{\"type\":\"event\",\"event\":\"echo\",\"ackId\":1,\"dataType\":\"text\",\"data\":\"ping\"}");
            assertEquals("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"text\",\"data\":\"pong:ping\"}",
                    c.nextText());
            assertEquals("{\"type\":\"ack\",\"ackId\":1,\"success\":true}", c.nextText());
            // connect, then the asynchronous connected event and the blocking user event in either order
            assertEquals("azure.webpubsub.sys.connect", upstream.nextEvent().header("ce-type"));
            List<Received> two = List.of(upstream.nextEvent(), upstream.nextEvent());
            assertTrue(two.stream().anyMatch(r -> r.header("ce-type").equals("azure.webpubsub.sys.connected")));
            Received echo = two.stream().filter(r -> r.path().endsWith("/echo")).findFirst().orElseThrow();
            assertEquals("/upstream/" + hub + "/echo", echo.path());
            assertEquals("azure.webpubsub.user.echo", echo.header("ce-type"));
            assertEquals("echo", echo.header("ce-eventName"));
            assertEquals("text/plain", echo.header("Content-Type"));
            assertEquals(signature(id), echo.header("ce-signature"));
            assertEquals("ping", echo.text());
            c.send("{\"type\":\"event\",\"event\":\"jsonreply\",\"data\":{\"a\":[1]}}");
            assertEquals("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"json\",\"data\":{\"ok\":true}}",
                    c.nextText());
            Received json = upstream.nextEvent();
            assertEquals("application/json", json.header("Content-Type"));
            assertEquals("{\"a\":[1]}", json.text());
            assertEquals("s2", json.header("ce-connectionState"));
            c.send("{\"type\":\"event\",\"event\":\"binreply\",\"dataType\":\"binary\",\"data\":\"AQI=\"}");
            assertEquals("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"binary\",\"data\":\"QUI=\"}",
                    c.nextText());
            Received bin = upstream.nextEvent();
            assertEquals("application/octet-stream", bin.header("Content-Type"));
            assertArrayEquals(new byte[]{1, 2}, bin.body());
            c.send("{\"type\":\"event\",\"event\":\"fail\",\"ackId\":2,\"data\":1}");
            assertEquals("{\"type\":\"ack\",\"ackId\":2,\"success\":false,\"error\":{\"name\":\"InternalServerError\","
                    + "\"message\":\"The event handler failed to handle event 'fail'.\"}}", c.nextText());
            // the connection stays open after a failed event
            c.send("{\"type\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", c.nextText());
        }
    }

    @Test
    void rawClientsSendMessageEventsAndGetReplies() {
        handlers(EventHandler.url(upstream.url() + "/raw/{event}").userEvents("message"));
        upstream.answers(r -> r.method().equals("OPTIONS") ? UpstreamServer.standard(r)
                : r.text().equals("bin") ? Answer.body(200, "application/octet-stream", "BIN")
                : r.text().equals("boom") ? Answer.of(500)
                : Answer.body(200, "text/plain", "back:" + r.text()));
        try (WsClient c = WsClient.connect(rest.clientUrl(hub, "raw", List.of(), List.of()))) {
            c.send("hi");
            assertEquals("back:hi", c.nextText());
            Received r = upstream.nextEvent();
            assertEquals("/raw/message", r.path());
            assertEquals("azure.webpubsub.user.message", r.header("ce-type"));
            assertEquals("text/plain", r.header("Content-Type"));
            c.sendBinary("bin".getBytes(StandardCharsets.UTF_8));
            assertArrayEquals("BIN".getBytes(StandardCharsets.UTF_8), (byte[]) c.next());
            assertEquals("application/octet-stream", upstream.nextEvent().header("Content-Type"));
            c.send("boom");
            assertEquals("1011 The message could not be handled", c.awaitClose());
        }
    }

    @Test
    void rawClientWithoutHandlerIsClosed() {
        try (WsClient c = WsClient.connect(rest.clientUrl(hub, "raw", List.of(), List.of()))) {
            c.send("hi");
            assertEquals("1011 The message could not be handled", c.awaitClose());
        }
    }

    @Test
    void rawSendToGroupMode() {
        String base = rest.clientUrl(hub, "pub", List.of("webpubsub.sendToGroup.news"), List.of());
        try (WsClient sub = WsClient.connect(rest.clientUrl(hub, "sub", List.of(), List.of("news")), JSON);
             WsClient pub = WsClient.connect(base + "&webpubsub_mode=sendToGroup&group=news&noEcho=true")) {
            sub.nextJson();
            pub.send("headline");
            assertEquals("{\"type\":\"message\",\"from\":\"group\",\"group\":\"news\",\"fromUserId\":\"pub\","
                    + "\"dataType\":\"text\",\"data\":\"headline\"}",
                    sub.nextText());
            pub.assertNoFrame(100);
        }
        assertEquals(400, WsClient.handshakeStatus(base + "&webpubsub_mode=other"));
        assertEquals(400, WsClient.handshakeStatus(base + "&webpubsub_mode=sendToGroup"));
    }

    @Test
    void retriesOn5xxAndNetworkButNotOn429() {
        handlers(all());
        AtomicInteger calls = new AtomicInteger();
        upstream.answers(r -> {
            if (!r.path().endsWith("/flaky") && !r.path().endsWith("/throttled")) {
                return UpstreamServer.standard(r);
            }
            if (r.path().endsWith("/throttled")) {
                calls.incrementAndGet();
                return Answer.of(429);
            }
            return calls.incrementAndGet() < 3 ? Answer.of(502) : Answer.body(200, "text/plain", "third time");
        });
        try (WsClient c = WsClient.connect(rest.clientUrl(hub, "r", List.of(), List.of()), JSON)) {
            c.nextJson();
            c.send("{\"type\":\"event\",\"event\":\"flaky\",\"ackId\":1,\"data\":1}");
            assertEquals("third time", c.nextJson().getString("data"));
            assertEquals("{\"type\":\"ack\",\"ackId\":1,\"success\":true}", c.nextText());
            assertEquals(3, calls.get());
            calls.set(0);
            c.send("{\"type\":\"event\",\"event\":\"throttled\",\"ackId\":2,\"data\":1}");
            assertEquals("InternalServerError", c.nextJson().getJsonObject("error").getString("name"));
            assertEquals(1, calls.get());
        }
    }

    @Test
    void abuseProtectionFallsBackToGetAndIsCached() {
        handlers(EventHandler.url(upstream.url() + "/ap/{event}").systemEvents("connected"));
        upstream.answers(r -> r.method().equals("OPTIONS") ? Answer.of(404)
                : r.method().equals("GET") ? Answer.of(200, "WebHook-Allowed-Origin", "127.0.0.1") : Answer.of(204));
        try (WsClient a = WsClient.connect(rest.clientUrl(hub, "a", List.of(), List.of()), JSON);
             WsClient b = WsClient.connect(rest.clientUrl(hub, "b", List.of(), List.of()), JSON)) {
            a.nextJson();
            b.nextJson();
            assertEquals("OPTIONS", upstream.next().method());
            assertEquals("GET", upstream.next().method());
            assertEquals("POST", upstream.next().method());
            assertEquals("POST", upstream.next().method());
            upstream.assertNothing(200);
        }
    }

    @Test
    void allowedOriginMayNameHostAndPort() {
        handlers(EventHandler.url(upstream.url() + "/hp/{event}").systemEvents("connect"));
        upstream.answers(r -> r.method().equals("OPTIONS") ? Answer.of(200, "WebHook-Allowed-Origin", "127.0.0.1:"
                + emulator.port())
                : Answer.of(204));
        try (WsClient c = WsClient.connect(rest.clientUrl(hub, "a", List.of(), List.of()), JSON)) {
            assertEquals("connected", c.nextJson().getString("event"));
        }
    }

    @Test
    void refusedValidationBlocksEvents() {
        handlers(all());
        upstream.answers(r -> r.method().equals("OPTIONS") ? Answer.of(200, "WebHook-Allowed-Origin", "other.example")
                : Answer.of(204));
        assertEquals(500, WsClient.handshakeStatus(rest.clientUrl(hub, "a", List.of(), List.of()), JSON));
        assertEquals("OPTIONS", upstream.next().method());
        upstream.assertNothing(200);
    }

    @Test
    void handlerRoutingByUserEventPattern() {
        UpstreamServer second = new UpstreamServer();
        try {
            handlers(EventHandler.url(upstream.url() + "/first/{event}").userEvents("a, B"),
                    EventHandler.url(second.url() + "/second/{event}").userEvents("*"));
            try (WsClient c = WsClient.connect(rest.clientUrl(hub, "p", List.of(), List.of()), JSON)) {
                c.nextJson();
                c.send("{\"type\":\"event\",\"event\":\"b\",\"ackId\":1,\"data\":1}");
                c.nextJson();
                assertEquals("/first/b", upstream.nextEvent().path());
                c.send("{\"type\":\"event\",\"event\":\"c\",\"ackId\":2,\"data\":1}");
                c.nextJson();
                assertEquals("/second/c", second.nextEvent().path());
            }
        } finally {
            second.close();
        }
    }

    @Test
    void groupPresenceEvents() {
        handlers(EventHandler.url(upstream.url() + "/{event}").systemEvents("joined", "left"));
        try (WsClient c = WsClient.connect(rest.clientUrl(hub, "gp", List.of("webpubsub.joinLeaveGroup"),
                List.of()), JSON)) {
            c.nextJson();
            c.send("{\"type\":\"joinGroup\",\"group\":\"room\",\"ackId\":1}");
            c.nextJson();
            Received joined = upstream.nextEvent();
            assertEquals("/joined", joined.path());
            assertEquals("azure.webpubsub.sys.joined", joined.header("ce-type"));
            assertEquals("{\"group\":\"room\"}", joined.text());
            c.send("{\"type\":\"leaveGroup\",\"group\":\"room\",\"ackId\":2}");
            c.nextJson();
            Received left = upstream.nextEvent();
            assertEquals("azure.webpubsub.sys.left", left.header("ce-type"));
            assertEquals("{\"group\":\"room\"}", left.text());
        }
    }

    @Test
    void liveTraceNeverShowsTokens() {
        handlers(all());
        String token = rest.clientToken(hub, "t", List.of(), List.of());
        try (WsClient c = WsClient.connect(rest.clientUrl(hub, token), JSON)) {
            c.nextJson();
        }
        assertTrue(TRACE.stream().anyMatch(l -> l.contains("[" + hub + "] connection ")
                && l.contains("connected as user t")), TRACE.toString());
        assertTrue(TRACE.stream().noneMatch(l -> l.contains(token)));
        assertTrue(TRACE.stream().noneMatch(l -> l.contains(WebPubSubEmulator.DEFAULT_ACCESS_KEY)));
    }
}
