package io.webpubsub.mp.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jakarta.json.JsonObject;

import io.webpubsub.mp.WebPubSubClientBuilder;
import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.models.ClientAccessOptions;
import io.webpubsub.mp.models.CloseOptions;
import io.webpubsub.mp.models.Filter;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.models.Permission;
import io.webpubsub.mp.models.SendOptions;
import io.webpubsub.mp.testing.FakeService;
import io.webpubsub.mp.testing.FakeService.Answer;
import io.webpubsub.mp.testing.Jwts;

/**
 * The exact request of every operation, sent through the blocking and the asynchronous client (the same method
 * name and arguments on both), with the access-key JWT verified independently.
 */
public class WireFormatTest {

    static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";
    static final String V = "api-version=2024-12-01";

    static FakeService service;
    static WebPubSubHubClient client;
    static WebPubSubHubAsyncClient asyncClient;

    @BeforeAll
    static void start() throws Exception {
        service = new FakeService();
        WebPubSubClientBuilder builder = new WebPubSubClientBuilder()
                .connectionString("Endpoint=" + service.endpoint() + ";AccessKey=" + KEY + ";Version=1.0;")
                .hub("chat");
        client = builder.buildClient();
        asyncClient = builder.buildAsyncClient();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void clear() {
        service.clear();
    }

    record Expected(String method, String target, String contentType, byte[] body) {
    }

    static Arguments op(String method, Object[] args, String httpMethod, String target, String contentType,
            Object body) {
        return Arguments.of(method, args, new Expected(httpMethod, target, contentType, body == null ? new byte[0]
                : body instanceof byte[] b ? b : ((String) body).getBytes(StandardCharsets.UTF_8)));
    }

    static Object[] args(Object... values) {
        return values;
    }

    public record Notice(String kind, int level) {
    }

    static Stream<Arguments> operations() {
        String hub = "/api/hubs/chat";
        SendOptions all = new SendOptions().setExcluded("c1", "c 2").setFilter(Filter.userId().ne("bo't"))
                .setMessageTtl(Duration.ofSeconds(30));
        return Stream.of(
                op("sendToAll", args(Message.text("hello")), "POST", hub + "/:send?" + V, "text/plain", "hello"),
                op("sendToAll", args(Message.json(new Notice("deploy", 3)), all), "POST",
                        hub + "/:send?excluded=c1&excluded=c+2&" + V
                                + "&filter=userId+ne+%27bo%27%27t%27&messageTtlSeconds=30",
                        "application/json", "{\"kind\":\"deploy\",\"level\":3}"),
                op("sendToGroup", args("room/1 ?#%é", Message.rawJson("{\"a\":1}")), "POST",
                        hub + "/groups/room%2F1%20%3F%23%25%C3%A9/:send?" + V, "application/json", "{\"a\":1}"),
                op("sendToGroup", args("g", Message.binary(new byte[] {0, 1, (byte) 0xff}),
                        new SendOptions().setExcluded("x").setFilter(Filter.inGroup("vip"))
                                .setMessageTtl(Duration.ZERO)), "POST",
                        hub + "/groups/g/:send?excluded=x&" + V + "&filter=%27vip%27+in+groups&messageTtlSeconds=0",
                        "application/octet-stream", new byte[] {0, 1, (byte) 0xff}),
                op("sendToUser", args("alice@x.io", Message.text("hi"),
                        new SendOptions().setFilter(Filter.connectionId().eq("c9"))
                                .setMessageTtl(Duration.ofSeconds(300))),
                        "POST", hub + "/users/alice@x.io/:send?" + V + "&filter=connectionId+eq+%27c9%27"
                                + "&messageTtlSeconds=300", "text/plain", "hi"),
                op("sendToConnection", args("conn-1", Message.text(""), new SendOptions().setMessageTtl(
                        Duration.ofSeconds(1))), "POST", hub + "/connections/conn-1/:send?" + V
                                + "&messageTtlSeconds=1", "text/plain", ""),
                op("addConnectionToGroup", args("g 1", "c1"), "PUT", hub + "/groups/g%201/connections/c1?" + V,
                        null, null),
                op("removeConnectionFromGroup", args("g", "c1"), "DELETE", hub + "/groups/g/connections/c1?" + V,
                        null, null),
                op("removeConnectionFromAllGroups", args("c1"), "DELETE", hub + "/connections/c1/groups?" + V,
                        null, null),
                op("addUserToGroup", args("g", "u/1"), "PUT", hub + "/users/u%2F1/groups/g?" + V, null, null),
                op("removeUserFromGroup", args("g", "u1"), "DELETE", hub + "/users/u1/groups/g?" + V, null, null),
                op("removeUserFromAllGroups", args("u1"), "DELETE", hub + "/users/u1/groups?" + V, null, null),
                op("addConnectionsToGroups", args(List.of("a", "b\"\\\n"), Filter.userId().eq("u1")), "POST",
                        hub + "/:addToGroups?" + V, "application/json",
                        "{\"groups\":[\"a\",\"b\\\"\\\\\\n\"],\"filter\":\"userId eq 'u1'\"}"),
                op("removeConnectionsFromGroups", args(List.of("a"), null), "POST", hub + "/:removeFromGroups?" + V,
                        "application/json", "{\"groups\":[\"a\"]}"),
                op("closeConnection", args("c1"), "DELETE", hub + "/connections/c1?" + V, null, null),
                op("closeConnection", args("c1", new CloseOptions().setReason("bye now")), "DELETE",
                        hub + "/connections/c1?reason=bye+now&" + V, null, null),
                op("closeAllConnections", args(new CloseOptions().setExcluded("c1", "c2").setReason("r")), "POST",
                        hub + "/:closeConnections?excluded=c1&excluded=c2&reason=r&" + V, null, null),
                op("closeAllConnections", args(), "POST", hub + "/:closeConnections?" + V, null, null),
                op("closeGroupConnections", args("g", new CloseOptions().setExcluded("c1")), "POST",
                        hub + "/groups/g/:closeConnections?excluded=c1&" + V, null, null),
                op("closeUserConnections", args("u1", new CloseOptions().setReason("x")), "POST",
                        hub + "/users/u1/:closeConnections?reason=x&" + V, null, null),
                op("connectionExists", args("c1"), "HEAD", hub + "/connections/c1?" + V, null, null),
                op("groupExists", args("g"), "HEAD", hub + "/groups/g?" + V, null, null),
                op("userExists", args("u1"), "HEAD", hub + "/users/u1?" + V, null, null),
                op("grantPermission", args(Permission.SEND_TO_GROUP, "c1", "g 1"), "PUT",
                        hub + "/permissions/sendToGroup/connections/c1?targetName=g+1&" + V, null, null),
                op("revokePermission", args(Permission.JOIN_LEAVE_GROUP, "c1", "g"), "DELETE",
                        hub + "/permissions/joinLeaveGroup/connections/c1?targetName=g&" + V, null, null),
                op("checkPermission", args(Permission.JOIN_LEAVE_GROUP, "c1", null), "HEAD",
                        hub + "/permissions/joinLeaveGroup/connections/c1?" + V, null, null));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("operations")
    void blockingClientSendsExactRequest(String method, Object[] args, Expected expected) throws Exception {
        invoke(client, method, args);
        assertRequest(expected);
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("operations")
    void asyncClientSendsTheSameRequest(String method, Object[] args, Expected expected) throws Exception {
        Object stage = invoke(asyncClient, method, args);
        ((CompletionStage<?>) stage).toCompletableFuture().get();
        assertRequest(expected);
    }

    private static void assertRequest(Expected expected) {
        FakeService.Recorded r = service.only();
        assertEquals(expected.method(), r.method());
        assertEquals(expected.target(), r.target());
        assertEquals(expected.contentType(), r.header("Content-Type"));
        if (expected.contentType() != null) {
            assertArrayEquals(expected.body(), r.body());
        } else {
            assertEquals(0, r.body().length);
        }
        Jwts.Verified jwt = Jwts.bearer(r.header("Authorization"), KEY);
        assertEquals("HS256", jwt.header().getString("alg"));
        assertEquals("JWT", jwt.header().getString("typ"));
        assertEquals(service.endpoint() + r.target(), jwt.claims().getString("aud"));
        long now = System.currentTimeMillis() / 1000;
        long exp = jwt.claims().getJsonNumber("exp").longValue();
        assertTrue(exp > now + 3500 && exp <= now + 3600, "exp about one hour ahead: " + exp);
    }

    static Object invoke(Object target, String name, Object[] args) throws Exception {
        Method m = Arrays.stream(target.getClass().getMethods())
                .filter(x -> x.getName().equals(name) && x.getParameterCount() == args.length)
                .findFirst().orElseThrow(() -> new AssertionError("no method " + name + "/" + args.length));
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    static JsonObject claims(String authorization) {
        return Jwts.bearer(authorization, KEY).claims();
    }

    static void assertNoAuthorization(FakeService.Recorded r) {
        assertNull(r.header("Authorization"));
    }
}
