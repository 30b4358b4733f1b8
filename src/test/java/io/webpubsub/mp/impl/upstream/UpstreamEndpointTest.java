package io.webpubsub.mp.impl.upstream;

import static io.webpubsub.mp.impl.upstream.ServiceRequests.CONNECTION_STRING;
import static io.webpubsub.mp.impl.upstream.ServiceRequests.KEY;
import static io.webpubsub.mp.impl.upstream.ServiceRequests.ORIGIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.webpubsub.mp.events.ClientCertificate;
import io.webpubsub.mp.events.ConnectEvent;
import io.webpubsub.mp.events.ConnectResponse;
import io.webpubsub.mp.events.ConnectedEvent;
import io.webpubsub.mp.events.ConnectionContext;
import io.webpubsub.mp.events.DisconnectedEvent;
import io.webpubsub.mp.events.EventData;
import io.webpubsub.mp.events.EventRejectedException;
import io.webpubsub.mp.events.GroupJoinedEvent;
import io.webpubsub.mp.events.GroupLeftEvent;
import io.webpubsub.mp.events.MqttUserProperty;
import io.webpubsub.mp.events.UserEvent;
import io.webpubsub.mp.events.UserEventResponse;

/** The endpoint driven over HTTP as the service drives it. */
class UpstreamEndpointTest {

    static final String HUB_PATH = "/api/webpubsub/hubs/chat";
    static final String CONNECT_BODY = """
            {"claims":{"sub":["user1"],"role":["webpubsub.sendToGroup"],
                        "aud":["https://demo.webpubsub.azure.com/client/hubs/chat"]},
             "query":{"name":["value"],"access_token":["secret-token"]},
             "headers":{"Host":["demo.webpubsub.azure.com"],"Sec-WebSocket-Protocol":["json.webpubsub.azure.v1"]},
             "subprotocols":["json.webpubsub.azure.v1","json.reliable.webpubsub.azure.v1"],
             "clientCertificates":[{"thumbprint":"ABC123","content":"-----BEGIN CERTIFICATE-----x"}]}
            """;

    static UpstreamTestApp app;
    static Calls calls;
    static LogCapture logs;

    @BeforeAll
    static void start() {
        logs = LogCapture.start();
        app = UpstreamTestApp.start(Map.of("azure.webpubsub.hubs.chat.connection-string", CONNECTION_STRING),
                ChatHandler.class, ChatObservers.class, Calls.class);
        calls = app.bean(Calls.class);
    }

    @AfterAll
    static void stop() {
        app.close();
        logs.stop();
        logs.assertNoSecret(KEY, SignatureVerifier.sign(KEY, "conn1").substring(7), "secret-token");
    }

    @BeforeEach
    void reset() {
        calls.reset();
    }

    static HttpResponse<String> post(ServiceRequests.Event event) {
        return app.send(event.to(app.uri(HUB_PATH)));
    }

    static void assertRefused(HttpResponse<String> response, int status, String reason) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(reason, response.body());
        assertEquals("text/plain;charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow()
                .replace(" ", ""));
        assertEquals(List.of(), calls.received(), "no bean may be called");
    }

    // --- abuse protection

    @ParameterizedTest
    @ValueSource(strings = {"/api/webpubsub/hubs/chat", "/api/webpubsub/hubs/chat/", "/api/webpubsub",
        "/api/webpubsub/hubs/chat/validate", "/api/webpubsub/hubs/CHAT"})
    void validationAllowsTheEndpointHost(String path) {
        HttpResponse<String> response = app.send(ServiceRequests.validation(app.uri(path), ORIGIN));
        assertEquals(200, response.statusCode());
        assertEquals(ORIGIN, response.headers().firstValue("WebHook-Allowed-Origin").orElseThrow());
    }

    @Test
    void validationComparesTheOriginCaseInsensitively() {
        HttpResponse<String> response = app.send(ServiceRequests.validation(app.uri(HUB_PATH),
                "Demo.WebPubSub.Azure.com"));
        assertEquals(200, response.statusCode());
        assertEquals("Demo.WebPubSub.Azure.com", response.headers().firstValue("WebHook-Allowed-Origin")
                .orElseThrow());
    }

    @Test
    void validationRefusesOtherOrigins() {
        HttpResponse<String> response = app.send(ServiceRequests.validation(app.uri(HUB_PATH),
                "evil.webpubsub.azure.com"));
        assertRefused(response, 403, "Origin 'evil.webpubsub.azure.com' is not allowed: it must be the host of"
                + " the hub's endpoint or be listed in the hub's 'upstream.allowed-origins' setting");
        assertTrue(response.headers().firstValue("WebHook-Allowed-Origin").isEmpty());
    }

    @Test
    void validationWithoutOriginIsABadRequest() {
        assertRefused(app.send(ServiceRequests.validation(app.uri(HUB_PATH), null)), 400,
                "Missing header 'WebHook-Request-Origin'");
    }

    @Test
    void validationOfAnUnknownHubAnswersLikeTheEndpointAsAWhole() {
        for (String origin : new String[] {ORIGIN, "evil.webpubsub.azure.com"}) {
            HttpResponse<String> known = app.send(ServiceRequests.validation(app.uri(HUB_PATH), origin));
            HttpResponse<String> unknown = app.send(ServiceRequests.validation(app.uri("/api/webpubsub/hubs/other"),
                    origin));
            assertEquals(known.statusCode(), unknown.statusCode(), origin);
            assertEquals(known.body(), unknown.body(), origin);
            assertEquals(known.headers().firstValue("WebHook-Allowed-Origin"),
                    unknown.headers().firstValue("WebHook-Allowed-Origin"), origin);
        }
        assertRefused(app.send(ServiceRequests.validation(app.uri("/api/webpubsub/hubs/other"), "evil.example")),
                403, "Origin 'evil.example' is not allowed: it must be the host of the hub's endpoint or be listed"
                        + " in the hub's 'upstream.allowed-origins' setting");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "wrong key", "wrong connection"})
    void unsignedEventsGetTheSameAnswerForKnownAndUnknownHubs(String signature) {
        for (String hub : new String[] {"chat", "other", "CHAT"}) {
            ServiceRequests.Event event = ServiceRequests.connected(hub, "conn1").header("ce-signature",
                    switch (signature) {
                        case "none" -> null;
                        case "wrong key" ->
                                SignatureVerifier.sign("another-key-0123456789abcdefghijklmnopqrs", "conn1");
                        default -> SignatureVerifier.sign(KEY, "conn2");
                    });
            assertRefused(app.send(event.to(app.uri("/api/webpubsub/hubs/" + hub))), 401, UpstreamDispatcher.UNSIGNED);
            assertRefused(app.send(event.to(app.uri("/api/webpubsub"))), 401, UpstreamDispatcher.UNSIGNED);
        }
    }

    // --- connect

    @Test
    void connectGivesTheHandlerEverythingTheServiceSent() {
        String state = Base64.getEncoder().encodeToString("{\"a\":\"1\",\"n\":2}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = post(ServiceRequests.connect("chat", "conn1").json(CONNECT_BODY)
                .header("ce-connectionState", state).header("ce-subprotocol", "json.webpubsub.azure.v1"));
        assertEquals(204, response.statusCode(), response.body());
        ConnectEvent event = assertInstanceOf(ConnectEvent.class, calls.received().get(0));
        assertEquals(Map.of("sub", List.of("user1"), "role", List.of("webpubsub.sendToGroup"), "aud",
                List.of("https://demo.webpubsub.azure.com/client/hubs/chat")), event.claims());
        assertEquals(List.of("value"), event.query().get("name"));
        assertEquals(List.of("json.webpubsub.azure.v1"), event.headers().get("sec-websocket-protocol"));
        assertEquals(List.of("json.webpubsub.azure.v1", "json.reliable.webpubsub.azure.v1"), event.subprotocols());
        assertEquals(List.of(new ClientCertificate("ABC123", "-----BEGIN CERTIFICATE-----x")),
                event.clientCertificates());
        assertTrue(event.mqtt().isEmpty());
        ConnectionContext context = event.context();
        assertEquals("chat", context.hub());
        assertEquals("conn1", context.connectionId());
        assertEquals(Optional.empty(), context.userId());
        assertEquals("connect", context.eventName());
        assertEquals("azure.webpubsub.sys.connect", context.eventType());
        assertEquals("0", context.eventId());
        assertEquals("/hubs/chat/client/conn1", context.source());
        assertEquals(Optional.of(Instant.parse("2021-01-01T00:00:00Z")), context.time());
        assertEquals(Optional.of(ORIGIN), context.origin());
        assertEquals(Optional.of("json.webpubsub.azure.v1"), context.subprotocol());
        assertEquals(Map.of("a", "1", "n", "2"), context.state());
        assertFalse(event.toString().contains("secret-token"), event.toString());
    }

    @Test
    void connectAnswersWithTheHandlersChoices() {
        calls.onConnect(e -> ConnectResponse.accept().withUserId("alice").withGroups("lobby", "room1")
                .withRoles("webpubsub.joinLeaveGroup").withSubprotocol("json.reliable.webpubsub.azure.v1")
                .withState(Map.of("nick", "Al")));
        HttpResponse<String> response = post(ServiceRequests.connect("chat", "conn1").json(CONNECT_BODY));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"userId\":\"alice\",\"groups\":[\"lobby\",\"room1\"],\"roles\":[\"webpubsub.joinLeaveGroup\"],"
                + "\"subprotocol\":\"json.reliable.webpubsub.azure.v1\"}", response.body());
        assertEquals("application/json;charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow()
                .replace(" ", ""));
        assertEquals("{\"nick\":\"Al\"}", new String(Base64.getDecoder().decode(response.headers()
                .firstValue("ce-connectionState").orElseThrow()), StandardCharsets.UTF_8));
    }

    @Test
    void connectWithoutChoicesIsNoContent() {
        HttpResponse<String> response = post(ServiceRequests.connect("chat", "conn1").json(CONNECT_BODY));
        assertEquals(204, response.statusCode());
        assertEquals("", response.body());
        assertTrue(response.headers().firstValue("ce-connectionState").isEmpty());
    }

    @Test
    void connectAcceptsAnEmptyUserIdAndANullAnswer() {
        calls.onConnect(e -> ConnectResponse.accept().withUserId(""));
        assertEquals("{\"userId\":\"\"}", post(ServiceRequests.connect("chat", "c").json("{}")).body());
        calls.onConnect(e -> null);
        assertEquals(204, post(ServiceRequests.connect("chat", "c").json("{}")).statusCode());
    }

    @Test
    void aStateOnlyAnswerIsNoContentWithTheStateHeader() {
        calls.onConnect(e -> ConnectResponse.accept().withState(Map.of("a", "b")));
        HttpResponse<String> response = post(ServiceRequests.connect("chat", "conn1").json("{}"));
        assertEquals(204, response.statusCode());
        assertEquals(ConnectionStates.encode(Map.of("a", "b")), response.headers().firstValue("ce-connectionState")
                .orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"400,bad name", "401,sign in first", "403,banned", "500,database down"})
    void connectRejectionsCarryStatusAndMessage(int status, String message) {
        calls.onConnect(e -> {
            throw new EventRejectedException(status, message);
        });
        HttpResponse<String> response = post(ServiceRequests.connect("chat", "conn1").json(CONNECT_BODY));
        assertEquals(status, response.statusCode());
        assertEquals(message, response.body());
    }

    @Test
    void aFailingConnectHandlerIsA500WithoutItsMessage() {
        calls.onConnect(e -> {
            throw new IllegalStateException("internal detail");
        });
        HttpResponse<String> response = post(ServiceRequests.connect("chat", "conn1").json(CONNECT_BODY));
        assertEquals(500, response.statusCode());
        assertEquals("The ConnectHandler of hub 'chat' failed", response.body());
    }

    @Test
    void aSubprotocolTheClientDidNotOfferIsA500() {
        calls.onConnect(e -> ConnectResponse.accept().withSubprotocol("mqtt"));
        HttpResponse<String> response = post(ServiceRequests.connect("chat", "conn1").json(CONNECT_BODY));
        assertEquals(500, response.statusCode());
        assertEquals("The ConnectHandler of hub 'chat' returned an invalid response: subprotocol 'mqtt' is not one"
                + " the client offered [json.webpubsub.azure.v1, json.reliable.webpubsub.azure.v1]", response.body());
    }

    @Test
    void aBlankGroupIsA500() {
        calls.onConnect(e -> ConnectResponse.accept().withGroups(" "));
        HttpResponse<String> response = post(ServiceRequests.connect("chat", "conn1").json("{}"));
        assertEquals(500, response.statusCode());
        assertEquals("The ConnectHandler of hub 'chat' returned an invalid response: the group name must not be"
                + " whitespace only", response.body());
    }

    // --- MQTT

    static final String MQTT_CONNECT = """
            {"claims":{},"query":{},"headers":{},"subprotocols":["mqtt"],"clientCertificates":[],
             "mqtt":{"protocolVersion":5,"username":"dev","password":"c2VjcmV0",
                     "userProperties":[{"name":"a","value":"b"}]}}
            """;

    @Test
    void mqttConnectPropertiesReachTheHandler() {
        calls.onConnect(e -> ConnectResponse.accept().withSubprotocol("mqtt")
                .withMqttUserProperties(List.of(new MqttUserProperty("welcome", "yes"))));
        HttpResponse<String> response = post(ServiceRequests.connect("chat", "m1").json(MQTT_CONNECT)
                .header("ce-physicalConnectionId", "p1"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"subprotocol\":\"mqtt\","
                + "\"mqtt\":{\"userProperties\":[{\"name\":\"welcome\",\"value\":\"yes\"}]}}",
                response.body());
        ConnectEvent event = (ConnectEvent) calls.received().get(0);
        var mqtt = event.mqtt().orElseThrow();
        assertEquals(5, mqtt.protocolVersion());
        assertEquals(Optional.of("dev"), mqtt.username());
        assertEquals(Optional.of("c2VjcmV0"), mqtt.password());
        assertEquals(List.of(new MqttUserProperty("a", "b")), mqtt.userProperties());
        assertFalse(mqtt.toString().contains("c2VjcmV0"));
        assertEquals(Optional.of("p1"), event.context().physicalConnectionId());
    }

    @Test
    void mqttRejectionsUseTheMqttBodyAndCodes() {
        calls.onConnect(e -> {
            throw EventRejectedException.unauthorized("who?");
        });
        HttpResponse<String> response = post(ServiceRequests.connect("chat", "m1").json(MQTT_CONNECT));
        assertEquals(401, response.statusCode());
        assertEquals("{\"mqtt\":{\"code\":135,\"reason\":\"who?\"}}", response.body());

        calls.onConnect(e -> {
            throw EventRejectedException.forbidden("banned").withMqttCode(0x8A);
        });
        response = post(ServiceRequests.connect("chat", "m1").json(MQTT_CONNECT));
        assertEquals(403, response.statusCode());
        assertEquals("{\"mqtt\":{\"code\":138,\"reason\":\"banned\"}}", response.body());

        calls.onConnect(e -> {
            throw EventRejectedException.badRequest("bad password");
        });
        response = post(ServiceRequests.connect("chat", "m1").json(MQTT_CONNECT.replace("\"protocolVersion\":5",
                "\"protocolVersion\":4")));
        assertEquals("{\"mqtt\":{\"code\":4,\"reason\":\"bad password\"}}", response.body());
    }

    @Test
    void mqttDisconnectPacketsReachTheObserver() {
        HttpResponse<String> response = post(ServiceRequests.disconnected("chat", "m1", "").json("""
                {"reason":"client closed","mqtt":{"initiatedByClient":true,
                 "disconnectPacket":{"code":4,"userProperties":[{"name":"x","value":"y"}]}}}
                """).header("ce-sessionId", "s1"));
        assertEquals(204, response.statusCode(), response.body());
        DisconnectedEvent event = (DisconnectedEvent) calls.received().get(0);
        assertEquals("client closed", event.reason());
        var mqtt = event.mqtt().orElseThrow();
        assertTrue(mqtt.initiatedByClient());
        assertEquals(new DisconnectedEvent.MqttDisconnectPacket(4, List.of(new MqttUserProperty("x", "y"))),
                mqtt.disconnectPacket().orElseThrow());
        assertEquals(Optional.of("s1"), event.context().sessionId());
    }

    // --- user events and connection state

    @Test
    void textUserEventAndTextReply() {
        calls.onUserEvent(e -> UserEventResponse.reply(EventData.text("got " + e.data().asText())));
        HttpResponse<String> response = post(ServiceRequests.user("chat", "conn1", "message", "text/plain",
                "héllo".getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, response.statusCode());
        assertEquals("got héllo", response.body());
        assertEquals("text/plain;charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow()
                .replace(" ", ""));
        UserEvent event = (UserEvent) calls.received().get(0);
        assertEquals("message", event.name());
        assertEquals(EventData.Type.TEXT, event.data().type());
        assertEquals(Optional.of("user1"), event.context().userId());
    }

    @Test
    void jsonUserEventAndJsonReply() {
        calls.onUserEvent(e -> UserEventResponse.reply(EventData.json("{\"echo\":" + e.data().asText() + "}")));
        HttpResponse<String> response = post(ServiceRequests.user("chat", "conn1", "chat", "application/json",
                "[1,2]".getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, response.statusCode());
        assertEquals("{\"echo\":[1,2]}", response.body());
        assertEquals("application/json;charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow()
                .replace(" ", ""));
        assertEquals(EventData.Type.JSON, ((UserEvent) calls.received().get(0)).data().type());
        assertEquals("chat", ((UserEvent) calls.received().get(0)).name());
    }

    @Test
    void binaryUserEventAndBinaryReply() {
        byte[] data = {0, 1, 2, (byte) 0xff};
        calls.onUserEvent(e -> UserEventResponse.reply(EventData.binary(e.data().asBytes())));
        HttpResponse<byte[]> response = app.sendForBytes(ServiceRequests.user("chat", "conn1", "bin",
                "application/octet-stream", data).to(app.uri(HUB_PATH)));
        assertEquals(200, response.statusCode());
        assertArrayEquals(data, response.body());
        assertEquals("application/octet-stream", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void userEventsWithoutContentTypeAreBinaryAndProtobufIsKept() {
        post(ServiceRequests.user("chat", "conn1", "raw", null, new byte[] {7}));
        post(ServiceRequests.user("chat", "conn1", "pb", "application/x-protobuf", new byte[] {8}));
        assertEquals(EventData.Type.BINARY, ((UserEvent) calls.received().get(0)).data().type());
        assertEquals(EventData.Type.PROTOBUF, ((UserEvent) calls.received().get(1)).data().type());
    }

    @Test
    void userEventStateAndMetadataRoundTrip() {
        calls.onUserEvent(e -> UserEventResponse.noReply().withState(Map.of()));
        String state = Base64.getEncoder().encodeToString("{\"k\":\"v\"}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = post(ServiceRequests.user("chat", "conn1", "message", "text/plain",
                "x".getBytes(StandardCharsets.UTF_8)).header("ce-connectionState", state)
                .header("x-webpubsub-metadata-trace", "t1"));
        assertEquals(204, response.statusCode());
        assertEquals(Optional.of(""), response.headers().firstValue("ce-connectionState"), "an empty state clears");
        ConnectionContext context = ((UserEvent) calls.received().get(0)).context();
        assertEquals(Map.of("k", "v"), context.state());
        assertEquals(Map.of("trace", "t1"), context.metadata());
    }

    @Test
    void userEventRejectionsAndFailures() {
        calls.onUserEvent(e -> {
            throw EventRejectedException.forbidden("not allowed");
        });
        HttpResponse<String> response = post(ServiceRequests.user("chat", "conn1", "message", "text/plain",
                "x".getBytes(StandardCharsets.UTF_8)));
        assertEquals(403, response.statusCode());
        assertEquals("not allowed", response.body());
        calls.onUserEvent(e -> {
            throw new IllegalStateException("boom");
        });
        response = post(ServiceRequests.user("chat", "conn1", "message", "text/plain",
                "x".getBytes(StandardCharsets.UTF_8)));
        assertEquals(500, response.statusCode());
        assertEquals("The UserEventHandler of hub 'chat' failed on event 'message'", response.body());
    }

    @Test
    void aOneMebibyteBodyIsAccepted() {
        HttpResponse<String> response = post(ServiceRequests.user("chat", "conn1", "big", "application/octet-stream",
                new byte[UpstreamDispatcher.MAX_BODY]));
        assertEquals(204, response.statusCode());
        assertEquals(UpstreamDispatcher.MAX_BODY, ((UserEvent) calls.received().get(0)).data().size());
    }

    // --- notifications

    @Test
    void connectedDisconnectedJoinedAndLeftReachTheObservers() {
        assertEquals(204, post(ServiceRequests.connected("chat", "conn1")).statusCode());
        assertEquals(204, post(ServiceRequests.disconnected("chat", "conn1", "bye")).statusCode());
        assertEquals(204, post(new ServiceRequests.Event("chat", "conn1", "azure.webpubsub.sys.joined", "joined")
                .json("{\"group\":\"g1\"}")).statusCode());
        assertEquals(204, post(new ServiceRequests.Event("chat", "conn1", "azure.webpubsub.sys.left", "left")
                .json("{\"group\":\"g1\"}")).statusCode());
        assertInstanceOf(ConnectedEvent.class, calls.received().get(0));
        assertEquals("bye", ((DisconnectedEvent) calls.received().get(1)).reason());
        assertEquals("g1", ((GroupJoinedEvent) calls.received().get(2)).group());
        assertEquals("g1", ((GroupLeftEvent) calls.received().get(3)).group());
        assertEquals(4, calls.received().size());
    }

    @Test
    void theHubComesFromCeHubWhenThePathHasNone() {
        HttpResponse<String> response = app.send(ServiceRequests.connected("CHAT", "conn1")
                .header("ce-signature", SignatureVerifier.sign(KEY, "conn1")).to(app.uri("/api/webpubsub")));
        assertEquals(204, response.statusCode(), response.body());
        assertEquals("chat", ((ConnectedEvent) calls.received().get(0)).context().hub());
    }

    // --- refusals: no bean is called (issue 4 item 5)

    @ParameterizedTest
    @CsvSource({"ce-specversion,ce-specversion", "ce-awpsversion,ce-awpsversion", "ce-type,ce-type",
        "ce-id,ce-id", "ce-source,ce-source", "ce-hub,ce-hub", "ce-connectionId,ce-connectionId"})
    void missingCloudEventsHeadersAreBadRequests(String header, String named) {
        assertRefused(post(ServiceRequests.connected("chat", "conn1").header(header, null)), 400,
                "Missing CloudEvents header '" + named + "'");
    }

    @Test
    void malformedHeadersAreBadRequests() {
        assertRefused(post(ServiceRequests.connected("chat", "conn1").header("ce-specversion", "0.3")), 400,
                "Header 'ce-specversion' must be 1.0, not '0.3'");
        assertRefused(post(ServiceRequests.connected("chat", "conn1").header("ce-type", "azure.webpubsub.sys.x")),
                400, "Unknown event type 'azure.webpubsub.sys.x' in header 'ce-type'");
        assertRefused(post(ServiceRequests.connected("chat", "conn1").header("ce-type", "azure.webpubsub.user.")),
                400, "Unknown event type 'azure.webpubsub.user.' in header 'ce-type'");
        assertRefused(post(ServiceRequests.connected("chat", "conn1").header("ce-time", "yesterday")), 400,
                "Header 'ce-time' is not an RFC 3339 time: 'yesterday'");
        assertRefused(post(ServiceRequests.connected("chat", "conn1").header("ce-connectionState", "%%%")), 400,
                "Header 'ce-connectionState' is not base64-encoded JSON: Illegal base64 character 25");
        assertRefused(post(ServiceRequests.connected("chat", "conn1").header("ce-connectionState",
                Base64.getEncoder().encodeToString("[1]".getBytes(StandardCharsets.UTF_8)))), 400,
                "Header 'ce-connectionState' is not base64 of a JSON object");
    }

    @Test
    void aRepeatedHeaderIsABadRequest() {
        var request = java.net.http.HttpRequest.newBuilder(app.uri(HUB_PATH))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"));
        ServiceRequests.connected("chat", "conn1").to(app.uri(HUB_PATH)).headers().map()
                .forEach((name, values) -> values.forEach(v -> request.header(name, v)));
        request.header("ce-hub", "other");
        assertRefused(app.send(request.build()), 400, "Header 'ce-hub' must appear once, not 2 times");
    }

    @Test
    void hubsMustMatchAndBeKnown() {
        assertRefused(app.send(ServiceRequests.connected("other", "conn1").to(app.uri(HUB_PATH))), 400,
                "Header 'ce-hub' 'other' does not match the hub 'chat' in the path");
        assertRefused(app.send(ServiceRequests.connected("other", "conn1").to(app.uri("/api/webpubsub"))), 404,
                "Hub 'other' has no event handler or observer in this application");
    }

    @Test
    void malformedBodiesAreBadRequests() {
        assertRefused(post(ServiceRequests.connect("chat", "conn1").json("{\"claims\":")), 400,
                "The event body is not valid JSON: syntax error at offset 10");
        assertRefused(post(ServiceRequests.connect("chat", "conn1").json("[]")), 400,
                "The event body must be a JSON object");
        assertRefused(post(ServiceRequests.connect("chat", "conn1").json("{\"claims\":[1]}")), 400,
                "Malformed event body: 'claims' must be a JSON object");
        assertRefused(post(ServiceRequests.connect("chat", "conn1").json("{\"subprotocols\":[1]}")), 400,
                "Malformed event body: 'subprotocols' must be an array of strings");
        assertRefused(post(ServiceRequests.connect("chat", "conn1").json("{\"mqtt\":{\"protocolVersion\":\"5\"}}")),
                400, "Malformed event body: 'mqtt.protocolVersion' must be a number");
        assertRefused(post(ServiceRequests.user("chat", "conn1", "m", "application/json",
                "{'a':1}".getBytes(StandardCharsets.UTF_8))), 400,
                "The event body is not valid JSON: syntax error at offset 1");
        assertRefused(post(ServiceRequests.user("chat", "conn1", "m", "text/plain", new byte[] {(byte) 0xc3})), 400,
                "The event body is not valid UTF-8");
        assertRefused(post(new ServiceRequests.Event("chat", "conn1", "azure.webpubsub.sys.joined", "joined")
                .json("{}")), 400, "The event body has no 'group'");
    }

    @Test
    void unsupportedUserContentTypeIs415() {
        assertRefused(post(ServiceRequests.user("chat", "conn1", "m", "image/png", new byte[] {1})), 415,
                "Unsupported Content-Type 'image/png' for a user event; expected text/plain, application/json,"
                        + " application/octet-stream or application/x-protobuf");
    }

    @Test
    void bodiesOverOneMebibyteAre413() {
        assertRefused(post(ServiceRequests.user("chat", "conn1", "big", "application/octet-stream",
                new byte[UpstreamDispatcher.MAX_BODY + 1])), 413, "The event body is larger than 1048576 bytes");
    }

    /** Open Liberty over h2c hands the application the Content-Length header twice. */
    @Test
    void aRepeatedContentLengthCountsOnceUnlessTheValuesDiffer() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(body, UpstreamDispatcher.read(Map.of("content-length", List.of("2", " 2")),
                new java.io.ByteArrayInputStream(body)));
        UpstreamFailure conflict = assertThrows(UpstreamFailure.class, () -> UpstreamDispatcher.read(
                Map.of("content-length", List.of("2", "3")), new java.io.ByteArrayInputStream(body)));
        assertEquals(400, conflict.status());
        assertEquals("Header 'Content-Length' has conflicting values", conflict.getMessage());
        assertEquals(413, assertThrows(UpstreamFailure.class, () -> UpstreamDispatcher.read(Map.of("content-length",
                List.of("1048577", "1048577")), new java.io.ByteArrayInputStream(body))).status());
    }

    @Test
    void missingOrWrongSignaturesAre401() {
        assertRefused(post(ServiceRequests.connected("chat", "conn1").header("ce-signature", null)), 401,
                UpstreamDispatcher.UNSIGNED);
        assertRefused(post(ServiceRequests.connected("chat", "conn1").header("ce-signature",
                SignatureVerifier.sign("another-key-0123456789abcdefghijklmnopqrstuvwxyz", "conn1"))), 401,
                UpstreamDispatcher.UNSIGNED);
        assertRefused(post(ServiceRequests.connected("chat", "conn1").header("ce-signature",
                SignatureVerifier.sign(KEY, "conn2"))), 401, UpstreamDispatcher.UNSIGNED);
    }

    @Test
    void signaturesMayComeInUpperCaseAndBesideOthers() {
        String good = SignatureVerifier.sign(KEY, "conn1");
        assertEquals(204, post(ServiceRequests.connected("chat", "conn1").header("ce-signature",
                "sha256=" + good.substring(7).toUpperCase())).statusCode());
        assertEquals(204, post(ServiceRequests.connected("chat", "conn1").header("ce-signature",
                SignatureVerifier.sign("rotated-out-key-0123456789abcdefghijklmnopqrs", "conn1") + "," + good))
                .statusCode());
        assertEquals(2, calls.received().size());
    }
}
