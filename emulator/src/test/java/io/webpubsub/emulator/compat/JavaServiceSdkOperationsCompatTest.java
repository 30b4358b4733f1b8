package io.webpubsub.emulator.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.rest.RequestOptions;
import com.azure.core.util.BinaryData;
import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import com.azure.messaging.webpubsub.models.WebPubSubPermission;
import io.webpubsub.emulator.WebPubSubEmulator;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code com.azure:azure-messaging-webpubsub} 1.4.0, unmodified, drives the REST data plane of the emulator
 * (api-version 2024-01-01, JWT {@code aud} with the query string); JDK WebSocket connections minted by the same SDK
 * observe the effects. Negative checks are bounded by a sentinel sent straight to each observer afterwards.
 */
class JavaServiceSdkOperationsCompatTest {

    private WebPubSubEmulator emulator;
    private WebPubSubServiceClient service;
    private JsonSubprotocolClient alice;
    private JsonSubprotocolClient bob;
    private int sentinels;

    @BeforeEach
    void start() throws Exception {
        emulator = WebPubSubEmulator.builder().port(0).start();
        service = new WebPubSubServiceClientBuilder().connectionString(emulator.connectionString()).hub("chat")
                .buildClient();
        alice = connect("alice");
        bob = connect("bob");
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        emulator.close();
    }

    private JsonSubprotocolClient connect(String userId) throws InterruptedException {
        return JsonSubprotocolClient.connect(service.getClientAccessToken(
                new GetClientAccessTokenOptions().setUserId(userId)).getUrl());
    }

    @Test
    void sendToUserAndConnection() throws Exception {
        service.sendToUser("alice", "to alice", WebPubSubContentType.TEXT_PLAIN);
        byte[] json = "{\"hello\":\"bob\"}".getBytes(StandardCharsets.UTF_8);
        service.sendToConnectionWithResponse(bob.connectionId, BinaryData.fromBytes(json),
                WebPubSubContentType.APPLICATION_JSON, json.length, null);
        assertEquals("server/text:\"to alice\"", received(alice));
        assertEquals("server/json:{\"hello\":\"bob\"}", received(bob));
    }

    @Test
    void groupMembershipOfUsersAndConnections() throws Exception {
        service.addUserToGroupWithResponse("g1", "bob", null);
        assertTrue(service.groupExistsWithResponse("g1", null).getValue());
        service.sendToGroup("g1", "g1 #1", WebPubSubContentType.TEXT_PLAIN);
        assertEquals("", received(alice));
        assertEquals("group g1/text:\"g1 #1\"", received(bob));

        service.addConnectionToGroupWithResponse("g1", alice.connectionId, null);
        service.removeUserFromGroupWithResponse("g1", "bob", null);
        service.sendToGroup("g1", "g1 #2", WebPubSubContentType.TEXT_PLAIN);
        assertEquals("group g1/text:\"g1 #2\"", received(alice));
        assertEquals("", received(bob));

        service.removeConnectionFromGroupWithResponse("g1", alice.connectionId, null);
        assertFalse(service.groupExistsWithResponse("g1", null).getValue());

        service.addUserToGroupWithResponse("g2", "alice", null);
        service.addConnectionToGroupWithResponse("g3", alice.connectionId, null);
        service.removeUserFromAllGroupsWithResponse("alice", null);
        assertFalse(service.groupExistsWithResponse("g2", null).getValue());
        assertFalse(service.groupExistsWithResponse("g3", null).getValue());
        service.addConnectionToGroupWithResponse("g4", bob.connectionId, null);
        service.removeConnectionFromAllGroupsWithResponse(bob.connectionId, null);
        assertFalse(service.groupExistsWithResponse("g4", null).getValue());
    }

    @Test
    void sendToAllWithRepeatedExclusions() throws Exception {
        JsonSubprotocolClient carol = connect("carol");
        try {
            RequestOptions excluded = new RequestOptions()
                    .addQueryParam("excluded", alice.connectionId)
                    .addQueryParam("excluded", carol.connectionId);
            byte[] body = "not for alice and carol".getBytes(StandardCharsets.UTF_8);
            service.sendToAllWithResponse(BinaryData.fromBytes(body), WebPubSubContentType.TEXT_PLAIN, body.length,
                    excluded);
            assertEquals("", received(alice));
            assertEquals("", received(carol));
            assertEquals("server/text:\"not for alice and carol\"", received(bob));
        } finally {
            carol.close();
        }
    }

    @Test
    void grantCheckAndRevokePermissions() {
        RequestOptions g2 = new RequestOptions().addQueryParam("targetName", "g2");
        assertFalse(service.checkPermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, bob.connectionId,
                new RequestOptions().addQueryParam("targetName", "g2")).getValue());
        service.grantPermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, bob.connectionId, g2);
        assertTrue(service.checkPermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, bob.connectionId,
                new RequestOptions().addQueryParam("targetName", "g2")).getValue());
        assertFalse(service.checkPermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, bob.connectionId,
                new RequestOptions().addQueryParam("targetName", "g3")).getValue());
        assertFalse(service.checkPermissionWithResponse(WebPubSubPermission.JOIN_LEAVE_GROUP, bob.connectionId,
                new RequestOptions().addQueryParam("targetName", "g2")).getValue());
        service.revokePermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, bob.connectionId,
                new RequestOptions().addQueryParam("targetName", "g2"));
        assertFalse(service.checkPermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, bob.connectionId,
                new RequestOptions().addQueryParam("targetName", "g2")).getValue());
    }

    @Test
    void closeConnectionsWithReasons() throws Exception {
        service.closeConnectionWithResponse(bob.connectionId, new RequestOptions().addQueryParam("reason", "bye bob"));
        assertEquals("disconnected: bye bob", closing(bob));
        assertFalse(service.connectionExistsWithResponse(bob.connectionId, null).getValue());
        assertFalse(service.userExistsWithResponse("bob", null).getValue());

        service.closeUserConnectionsWithResponse("alice", new RequestOptions().addQueryParam("reason", "bye alice"));
        assertEquals("disconnected: bye alice", closing(alice));

        JsonSubprotocolClient carol = connect("carol");
        JsonSubprotocolClient dave = connect("dave");
        try {
            service.addConnectionToGroupWithResponse("g6", carol.connectionId, null);
            service.closeGroupConnectionsWithResponse("g6", new RequestOptions().addQueryParam("reason", "bye g6"));
            assertEquals("disconnected: bye g6", closing(carol));
            assertTrue(service.connectionExistsWithResponse(dave.connectionId, null).getValue());
            service.closeAllConnectionsWithResponse(new RequestOptions().addQueryParam("reason", "bye all"));
            assertEquals("disconnected: bye all", closing(dave));
            assertFalse(service.connectionExistsWithResponse(dave.connectionId, null).getValue());
        } finally {
            carol.close();
            dave.close();
        }
    }

    @Test
    void invalidRequestsFailWithTheServiceErrorCode() {
        HttpResponseException e = assertThrows(HttpResponseException.class,
                () -> service.sendToGroup("   ", "x", WebPubSubContentType.TEXT_PLAIN));
        assertEquals(400, e.getResponse().getStatusCode());
        assertTrue(e.getResponse().getHeaderValue("x-ms-error-code") != null, e.getMessage());
        assertFalse(service.connectionExistsWithResponse("no-such-connection", null).getValue());
        assertFalse(service.groupExistsWithResponse("no-such-group", null).getValue());
        assertFalse(service.userExistsWithResponse("no-such-user", null).getValue());
    }

    @Test
    void filteredOperations() throws Exception {
        byte[] body = "alice only".getBytes(StandardCharsets.UTF_8);
        service.sendToAllWithResponse(BinaryData.fromBytes(body), WebPubSubContentType.TEXT_PLAIN, body.length,
                new RequestOptions().addQueryParam("filter", "userId eq 'alice' or length(userId) gt 3"));
        assertEquals("server/text:\"alice only\"", received(alice));
        assertEquals("", received(bob));

        service.addConnectionsToGroups(List.of("g7", "g8"), "userId in ('bob', 'carol')");
        service.sendToGroup("g8", "g8", WebPubSubContentType.TEXT_PLAIN);
        assertEquals("", received(alice));
        assertEquals("group g8/text:\"g8\"", received(bob));

        HttpResponseException e = assertThrows(HttpResponseException.class, () -> service.sendToAllWithResponse(
                BinaryData.fromBytes(body), WebPubSubContentType.TEXT_PLAIN, body.length,
                new RequestOptions().addQueryParam("filter", "not length(userId) gt 5")));
        assertEquals(400, e.getResponse().getStatusCode());
        assertTrue(e.getMessage().contains(
                "Invalid syntax for 'not length(userId)': Type 'int', expect 'bool'. (Parameter 'filter')"),
                e.getMessage());
    }

    /** The data messages an observer received before a fresh sentinel, as {@code from[ group]/dataType:data}. */
    private String received(JsonSubprotocolClient client) throws InterruptedException {
        String sentinel = "sentinel-" + ++sentinels;
        service.sendToConnection(client.connectionId, sentinel, WebPubSubContentType.TEXT_PLAIN);
        return client.until(sentinel).stream().map(JavaServiceSdkOperationsCompatTest::describe)
                .collect(Collectors.joining(", "));
    }

    private static String describe(JsonObject frame) {
        if (!"message".equals(frame.getString("type", null))) {
            return frame.toString();
        }
        String from = frame.getString("from") + (frame.containsKey("group") ? " " + frame.getString("group") : "");
        return from + "/" + frame.getString("dataType") + ":" + frame.get("data");
    }

    /** The {@code disconnected} system message of a connection the service closes, followed by the socket close. */
    private static String closing(JsonSubprotocolClient client) throws InterruptedException {
        JsonObject frame = client.next();
        assertEquals("system", frame.getString("type"), frame.toString());
        JsonObject close = client.next();
        assertEquals("close", close.getString("type"), close.toString());
        return frame.getString("event") + ": " + frame.getString("message");
    }
}
