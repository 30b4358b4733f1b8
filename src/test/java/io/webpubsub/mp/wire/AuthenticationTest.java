package io.webpubsub.mp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import io.webpubsub.mp.WebPubSubClientBuilder;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.WebPubSubKeyCredential;
import io.webpubsub.mp.models.ClientAccess;
import io.webpubsub.mp.models.ClientAccessOptions;
import io.webpubsub.mp.models.ClientProtocol;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.spi.WebPubSubAccessToken;
import io.webpubsub.mp.spi.WebPubSubTokenCredential;
import io.webpubsub.mp.testing.FakeService;
import io.webpubsub.mp.testing.FakeService.Answer;
import io.webpubsub.mp.testing.Jwts;

/** Access-key tokens (cache, rotation, reverse proxy), client access tokens and Entra ID mode. */
class AuthenticationTest {

    static final String KEY = WireFormatTest.KEY;
    static final String KEY2 = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvu";

    FakeService service;

    @BeforeEach
    void start() throws Exception {
        service = new FakeService();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    WebPubSubClientBuilder keyBuilder() {
        return new WebPubSubClientBuilder().connectionString("Endpoint=" + service.endpoint() + ";AccessKey=" + KEY)
                .hub("chat");
    }

    @Test
    void tokensAreReusedPerAudienceAndReplacedAfterKeyRotation() {
        WebPubSubKeyCredential key = new WebPubSubKeyCredential(KEY);
        WebPubSubHubClient client = new WebPubSubClientBuilder().endpoint(service.endpoint()).credential(key)
                .hub("chat").buildClient();
        client.sendToGroup("a", Message.text("1"));
        client.sendToGroup("a", Message.text("2"));
        client.sendToGroup("b", Message.text("3"));
        key.update(KEY2);
        client.sendToGroup("a", Message.text("4"));
        List<String> auth = service.requests().stream().map(r -> r.header("Authorization")).toList();
        assertEquals(auth.get(0), auth.get(1), "same URL: the cached token is reused");
        assertNotEquals(auth.get(0), auth.get(2), "another URL needs another token");
        assertNotEquals(auth.get(0), auth.get(3), "a rotated key invalidates cached tokens");
        Jwts.bearer(auth.get(3), KEY2);
        assertThrows(AssertionError.class, () -> Jwts.bearer(auth.get(3), KEY));
    }

    @Test
    void reverseProxyReceivesTheRequestWhileTheAudienceStaysTheServiceUrl() throws Exception {
        try (FakeService proxy = new FakeService()) {
            WebPubSubHubClient client = keyBuilder().reverseProxyEndpoint(proxy.endpoint() + "/apim/").buildClient();
            client.sendToUser("u1", Message.text("x"));
            assertEquals(0, service.requests().size());
            FakeService.Recorded r = proxy.only();
            assertEquals("/apim/api/hubs/chat/users/u1/:send?api-version=2024-12-01", r.target());
            assertEquals(service.endpoint() + "/api/hubs/chat/users/u1/:send?api-version=2024-12-01",
                    Jwts.bearer(r.header("Authorization"), KEY).claims().getString("aud"));
        }
    }

    @Test
    void clientAccessIsSignedLocallyWithSpecClaims() {
        WebPubSubHubClient client = keyBuilder().buildClient();
        ClientAccess access = client.getClientAccess(new ClientAccessOptions().setUserId("alice")
                .setRoles("webpubsub.joinLeaveGroup.room-1", "webpubsub.sendToGroup").setGroups("room-1", "all")
                .setExpiresAfter(Duration.ofMinutes(5)));
        assertEquals(0, service.requests().size(), "no network call with an access key");
        String ws = "ws" + service.endpoint().substring(4);
        assertEquals(ws + "/client/hubs/chat", access.baseUrl());
        assertEquals(ws + "/client/hubs/chat?access_token=" + access.token(), access.url());
        Jwts.Verified jwt = Jwts.verify(access.token(), KEY);
        JsonObject claims = jwt.claims();
        assertEquals(service.endpoint() + "/client/hubs/chat", claims.getString("aud"));
        assertEquals("alice", claims.getString("sub"));
        assertEquals(List.of("webpubsub.joinLeaveGroup.room-1", "webpubsub.sendToGroup"), strings(claims, "role"));
        assertEquals(List.of("room-1", "all"), strings(claims, "webpubsub.group"));
        long iat = claims.getJsonNumber("iat").longValue();
        assertEquals(300, claims.getJsonNumber("exp").longValue() - iat);
        assertTrue(Math.abs(Instant.now().getEpochSecond() - iat) < 60);
        assertFalse(access.toString().contains(access.token()));
    }

    @Test
    void clientAccessDefaultsAndProtocols() {
        WebPubSubHubClient client = keyBuilder().buildClient();
        ClientAccess anonymous = client.getClientAccess(new ClientAccessOptions());
        JsonObject claims = Jwts.verify(anonymous.token(), KEY).claims();
        assertFalse(claims.containsKey("sub"));
        assertFalse(claims.containsKey("role"));
        assertFalse(claims.containsKey("webpubsub.group"));
        assertEquals(3600, claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue());

        ClientAccess mqtt = client.getClientAccess(new ClientAccessOptions().setProtocol(ClientProtocol.MQTT));
        assertEquals("ws" + service.endpoint().substring(4) + "/clients/mqtt/hubs/chat", mqtt.baseUrl());
        assertEquals(service.endpoint() + "/clients/mqtt/hubs/chat",
                Jwts.verify(mqtt.token(), KEY).claims().getString("aud"));

        ClientAccess socketio = client.getClientAccess(new ClientAccessOptions().setProtocol(ClientProtocol.SOCKETIO));
        assertEquals(service.endpoint() + "/clients/socketio/hubs/chat", socketio.baseUrl());
        assertEquals(service.endpoint() + "/clients/socketio/hubs/chat",
                Jwts.verify(socketio.token(), KEY).claims().getString("aud"));
    }

    @Test
    void httpsEndpointGivesWssUrls() {
        WebPubSubHubClient client = new WebPubSubClientBuilder()
                .connectionString("Endpoint=https://Demo.WebPubSub.Azure.com/;AccessKey=" + KEY + ";Version=1.0;")
                .hub("chat").buildClient();
        ClientAccess access = client.getClientAccess(new ClientAccessOptions());
        assertEquals("wss://demo.webpubsub.azure.com/client/hubs/chat", access.baseUrl());
        assertEquals("https://demo.webpubsub.azure.com/client/hubs/chat",
                Jwts.verify(access.token(), KEY).claims().getString("aud"));
    }

    static List<String> strings(JsonObject claims, String name) {
        return claims.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void entraIdSendsTheCredentialsTokenAndGeneratesClientTokensAtTheService() {
        AtomicInteger fetched = new AtomicInteger();
        WebPubSubTokenCredential credential = scope -> {
            assertEquals("https://webpubsub.azure.com/.default", scope);
            return new WebPubSubAccessToken("entra-" + fetched.incrementAndGet(),
                    Instant.now().plus(Duration.ofHours(1)));
        };
        WebPubSubHubClient client = new WebPubSubClientBuilder().endpoint(service.endpoint()).credential(credential)
                .hub("chat").buildClient();
        client.sendToAll(Message.text("x"));
        service.then(Answer.json(200, "{\"token\":\"service-token\"}"));
        ClientAccess access = client.getClientAccess(new ClientAccessOptions().setUserId("alice")
                .setRoles("r1", "r2").setGroups("g1").setExpiresAfter(Duration.ofSeconds(61))
                .setProtocol(ClientProtocol.MQTT));
        assertEquals(1, fetched.get(), "the Entra token is cached");
        List<FakeService.Recorded> requests = service.requests();
        assertEquals("Bearer entra-1", requests.get(0).header("Authorization"));
        FakeService.Recorded generate = requests.get(1);
        assertEquals("POST", generate.method());
        assertEquals("/api/hubs/chat/:generateToken?userId=alice&role=r1&role=r2&minutesToExpire=2"
                + "&api-version=2024-12-01&group=g1&clientType=MQTT", generate.target());
        assertEquals("Bearer entra-1", generate.header("Authorization"));
        assertEquals("ws" + service.endpoint().substring(4) + "/clients/mqtt/hubs/chat?access_token=service-token",
                access.url());
    }
}
