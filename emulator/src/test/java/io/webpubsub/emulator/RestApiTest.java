package io.webpubsub.emulator;

import io.webpubsub.emulator.impl.auth.Jwt;
import io.webpubsub.emulator.support.Rest;
import io.webpubsub.emulator.support.WsClient;
import io.webpubsub.emulator.impl.Jsons;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every REST operation of the data-plane API (2024-12-01) with its statuses, bodies and effects on connected clients.
 */
class RestApiTest {
    private static final String JSON = "json.webpubsub.azure.v1";
    private static final String V = "?api-version=2024-12-01";
    private static final AtomicInteger HUBS = new AtomicInteger();
    static WebPubSubEmulator emulator;
    static Rest rest;

    @BeforeAll
    static void start() {
        emulator = WebPubSubEmulator.builder().start();
        rest = new Rest(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static String hub() {
        return "rest" + HUBS.incrementAndGet();
    }

    /** A JSON client whose connected message was consumed; returns the client and its connection id. */
    private static Conn json(String hub, String user, List<String> roles, List<String> groups) {
        WsClient c = WsClient.connect(rest.clientUrl(hub, user, roles, groups), JSON);
        return new Conn(c, c.nextJson().getString("connectionId"));
    }

    private static Conn raw(String hub, String user) {
        WsClient c = WsClient.connect(rest.clientUrl(hub, user, List.of(), List.of()));
        String id = null;
        for (int i = 0; i < 50 && id == null; i++) {
            id = findConnection(hub, user);
        }
        return new Conn(c, id);
    }

    private static String findConnection(String hub, String user) {
        // the REST API has no "list connections of a user"; join the user into a scratch group and list it
        rest.call("PUT", "/api/hubs/" + hub + "/users/" + user + "/groups/__probe" + V);
        HttpResponse<String> r = rest.call("GET", "/api/hubs/" + hub + "/groups/__probe/connections" + V);
        rest.call("DELETE", "/api/hubs/" + hub + "/users/" + user + "/groups/__probe" + V);
        var value = Rest.json(r.body()).getJsonArray("value");
        return value.isEmpty() ? null : value.getJsonObject(0).getString("connectionId");
    }

    record Conn(WsClient ws, String id) implements AutoCloseable {
        @Override
        public void close() {
            ws.close();
        }
    }

    private static void assertError(HttpResponse<String> r, int status, String code, String message, String target) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(code, r.headers().firstValue("x-ms-error-code").orElse(null));
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(null));
        JsonObject body = Rest.json(r.body());
        assertEquals(code, body.getString("code"));
        assertEquals(message, body.getString("message"));
        assertEquals(target, body.getString("target"));
        assertTrue(body.isNull("details"));
        assertTrue(body.isNull("innererror"));
    }

    // ---- #1 health -------------------------------------------------------------------------------------------------

    @Test
    void healthIsAnonymous() {
        HttpResponse<String> r = Rest.send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/api/health" + V))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, r.statusCode());
        assertEquals("2021-10-01, 2022-11-01, 2023-07-01, 2024-01-01, 2024-12-01",
                r.headers().firstValue("api-supported-versions").orElseThrow());
    }

    // ---- sends (#6, #9, #13, #22) ---------------------------------------------------------------------------------

    @Test
    void sendToAllMapsContentTypesForJsonAndRawClients() {
        String hub = hub();
        try (Conn j = json(hub, "u1", List.of(), List.of()); Conn r = raw(hub, "u2")) {
            assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/:send" + V, "text/plain; charset=utf-8", "hello")
                    .statusCode());
            assertEquals("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"text\",\"data\":\"hello\"}",
                    j.ws().nextText());
            assertEquals("hello", r.ws().nextText());
            assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/:send" + V, "application/json", "\"Hello\"")
                    .statusCode());
            assertEquals("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"json\",\"data\":\"Hello\"}",
                    j.ws().nextText());
            assertEquals("\"Hello\"", r.ws().nextText());
            assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/:send" + V, "application/octet-stream", "AB")
                    .statusCode());
            assertEquals("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"binary\",\"data\":\""
                    + Base64.getEncoder().encodeToString("AB".getBytes(StandardCharsets.UTF_8)) + "\"}",
                    j.ws().nextText());
            assertArrayEquals("AB".getBytes(StandardCharsets.UTF_8), (byte[]) r.ws().next());
        }
    }

    @Test
    void sendToAllHonoursRepeatedExcluded() {
        String hub = hub();
        try (Conn a = json(hub, "a", List.of(), List.of()); Conn b = json(hub, "b", List.of(), List.of());
             Conn c = json(hub, "c", List.of(), List.of())) {
            HttpResponse<String> r = rest.call("POST", "/api/hubs/" + hub + "/:send" + V + "&excluded=" + a.id()
                    + "&excluded=" + b.id(), "text/plain", "x");
            assertEquals(202, r.statusCode());
            assertEquals("x", c.ws().nextJson().getString("data"));
            a.ws().assertNoFrame(200);
            b.ws().assertNoFrame(0);
        }
    }

    @Test
    void sendRejectsUnsupportedContentTypeInvalidJsonAndTtl() {
        String hub = hub();
        assertError(rest.call("POST", "/api/hubs/" + hub + "/:send" + V, "application/xml", "<a/>"), 415,
                "Error.UnsupportedMediaType",
                "Content-Type must be application/json, application/octet-stream or text/plain.",
                "Content-Type");
        assertError(rest.call("POST", "/api/hubs/" + hub + "/:send" + V, "application/json", "{bad"), 400,
                "Error.BadRequest", "The body is not valid JSON.", "Request");
        assertError(rest.call("POST", "/api/hubs/" + hub + "/:send" + V + "&messageTtlSeconds=301",
                "text/plain", "x"), 400,
                "Error.BadRequest", "The messageTtlSeconds parameter must be an integer from 0 to 300, got '301'.",
                "messageTtlSeconds");
        assertError(rest.call("POST", "/api/hubs/" + hub + "/:send" + V + "&messageTtlSeconds=-1",
                "text/plain", "x"), 400,
                "Error.BadRequest", "The messageTtlSeconds parameter must be an integer from 0 to 300, got '-1'.",
                "messageTtlSeconds");
        assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/:send" + V + "&messageTtlSeconds=300", "text/plain",
                "x").statusCode());
        assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/:send" + V + "&messageTtlSeconds=0", "text/plain",
                "x").statusCode());
    }

    @Test
    void sendBodyLimitIsOneMebibyte() {
        String hub = hub();
        assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/:send" + V, "text/plain", "a".repeat(1024 * 1024))
                .statusCode());
        // the client is still writing when the emulator refuses: it must get the answer, not a reset, every time
        for (int i = 0; i < 3; i++) {
            assertError(rest.call("POST", "/api/hubs/" + hub + "/:send" + V, "text/plain", "a".repeat(1024 * 1024 + 1)),
                    413, "Error.PayloadTooLarge", "The request body exceeds 1 MiB.", "Request");
        }
    }

    @Test
    void sendToConnectionUserAndGroup() {
        String hub = hub();
        try (Conn a = json(hub, "ann", List.of(), List.of("g1")); Conn b = json(hub, "ben", List.of(), List.of())) {
            assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/connections/" + b.id() + "/:send" + V,
                    "text/plain", "to-b").statusCode());
            assertEquals("to-b", b.ws().nextJson().getString("data"));
            assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/users/ann/:send" + V, "text/plain", "to-ann")
                    .statusCode());
            JsonObject m = a.ws().nextJson();
            assertEquals("server", m.getString("from"));
            assertEquals("to-ann", m.getString("data"));
            assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/groups/g1/:send" + V, "text/plain", "to-g1")
                    .statusCode());
            assertEquals("{\"type\":\"message\",\"from\":\"group\",\"group\":\"g1\",\"dataType\":\"text\","
                    + "\"data\":\"to-g1\"}",
                    a.ws().nextText());
            b.ws().assertNoFrame(200);
            // fire-and-forget: missing targets still give 202
            assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/connections/missing/:send" + V, "text/plain",
                    "x").statusCode());
            assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/users/nobody/:send" + V, "text/plain", "x")
                    .statusCode());
            assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/groups/none/:send" + V, "text/plain", "x")
                    .statusCode());
        }
    }

    @Test
    void hubNamesAreCaseInsensitive() {
        String hub = hub();
        try (Conn a = json(hub, "u", List.of(), List.of())) {
            assertEquals(202, rest.call("POST", "/api/hubs/" + hub.toUpperCase() + "/:send" + V, "text/plain", "x")
                    .statusCode());
            assertEquals("x", a.ws().nextJson().getString("data"));
        }
    }

    // ---- filter (OData subset, evaluated by ConnectionFilter) -----------------------------------------------------

    @Test
    void sendsAndGroupOperationsHonourFilters() {
        String hub = hub();
        try (Conn a = json(hub, "user1", List.of(), List.of("g1")); Conn b = json(hub, "user2", List.of(),
                List.of("g2"));
             Conn anon = json(hub, null, List.of(), List.of("g1"))) {
            String filter = java.net.URLEncoder.encode("'g1' in groups and userId ne null", StandardCharsets.UTF_8);
            assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/:send" + V + "&filter=" + filter, "text/plain",
                    "f1").statusCode());
            assertEquals("f1", a.ws().nextJson().getString("data"));
            b.ws().assertNoFrame(150);
            anon.ws().assertNoFrame(0);
            String byUser = java.net.URLEncoder.encode("userId in ('user2', 'other')", StandardCharsets.UTF_8);
            assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/groups/g2/:send" + V + "&filter=" + byUser,
                    "text/plain", "f2").statusCode());
            assertEquals("f2", b.ws().nextJson().getString("data"));
            String noUser = java.net.URLEncoder.encode("userId eq null", StandardCharsets.UTF_8);
            assertEquals(200, rest.call("POST", "/api/hubs/" + hub + "/:addToGroups" + V, "application/json",
                    "{\"groups\":[\"anons\"],\"filter\":\"userId eq null\"}").statusCode());
            assertEquals(List.of(anon.id()), Rest.json(rest.call("GET", "/api/hubs/" + hub
                    + "/groups/anons/connections" + V).body())
                    .getJsonArray("value").stream().map(v -> v.asJsonObject().getString("connectionId")).toList());
            assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/users/user1/:send" + V + "&filter=" + noUser,
                    "text/plain", "none").statusCode());
            a.ws().assertNoFrame(150);
            HttpResponse<String> bad = rest.call("POST", "/api/hubs/" + hub + "/:send" + V + "&filter="
                    + java.net.URLEncoder.encode("userId eq", StandardCharsets.UTF_8), "text/plain", "x");
            assertEquals(400, bad.statusCode());
            assertEquals("Error.BadRequest", bad.headers().firstValue("x-ms-error-code").orElseThrow());
            String message = Rest.json(bad.body()).getString("message");
            assertTrue(message.startsWith("Invalid syntax for 'userId eq'")
                    && message.endsWith("(Parameter 'filter')"), message);
            assertEquals("Request", Rest.json(bad.body()).getString("target"));
            assertEquals(400, rest.call("POST", "/api/hubs/" + hub + "/:removeFromGroups" + V, "application/json",
                    "{\"groups\":[\"g1\"],\"filter\":\"not length(userId) gt 5\"}").statusCode());
        }
    }

    // ---- existence checks (#8, #11, #20) ---------------------------------------------------------------------------

    @Test
    void headChecks() {
        String hub = hub();
        try (Conn a = json(hub, "zoe", List.of(), List.of("room"))) {
            assertEquals(200, rest.call("HEAD", "/api/hubs/" + hub + "/connections/" + a.id() + V).statusCode());
            assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/connections/nope" + V).statusCode());
            assertEquals(200, rest.call("HEAD", "/api/hubs/" + hub + "/groups/room" + V).statusCode());
            assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/groups/other" + V).statusCode());
            assertEquals(200, rest.call("HEAD", "/api/hubs/" + hub + "/users/zoe" + V).statusCode());
            assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/users/Zoe" + V).statusCode());
        }
    }

    // ---- group membership (#2, #5, #10, #15, #16, #23, #24, #25) ---------------------------------------------------

    @Test
    void addAndRemoveConnectionToGroup() {
        String hub = hub();
        try (Conn a = json(hub, "u", List.of(), List.of())) {
            assertEquals(200, rest.call("PUT", "/api/hubs/" + hub + "/groups/g/connections/" + a.id() + V)
                    .statusCode());
            assertEquals(200, rest.call("PUT", "/api/hubs/" + hub + "/groups/g/connections/" + a.id() + V)
                    .statusCode());
            assertEquals(200, rest.call("HEAD", "/api/hubs/" + hub + "/groups/g" + V).statusCode());
            assertEquals(204, rest.call("DELETE", "/api/hubs/" + hub + "/groups/g/connections/" + a.id() + V)
                    .statusCode());
            assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/groups/g" + V).statusCode());
            assertEquals(204, rest.call("DELETE", "/api/hubs/" + hub + "/groups/g/connections/missing" + V)
                    .statusCode());
            assertError(rest.call("PUT", "/api/hubs/" + hub + "/groups/g/connections/missing" + V), 404,
                    "Info.Connection.NotExisted", "Connection `missing` is not found.", "Connection");
        }
    }

    @Test
    void removeConnectionFromAllGroups() {
        String hub = hub();
        try (Conn a = json(hub, "u", List.of(), List.of("g1", "g2"))) {
            assertEquals(204, rest.call("DELETE", "/api/hubs/" + hub + "/connections/" + a.id() + "/groups" + V)
                    .statusCode());
            assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/groups/g1" + V).statusCode());
            assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/groups/g2" + V).statusCode());
            assertEquals(204, rest.call("DELETE", "/api/hubs/" + hub + "/connections/missing/groups" + V).statusCode());
        }
    }

    @Test
    void userGroupOperations() {
        String hub = hub();
        try (Conn a = json(hub, "max", List.of(), List.of()); Conn b = json(hub, "max", List.of(), List.of());
             Conn c = json(hub, "other", List.of(), List.of())) {
            assertEquals(200, rest.call("PUT", "/api/hubs/" + hub + "/users/max/groups/team" + V).statusCode());
            rest.call("POST", "/api/hubs/" + hub + "/groups/team/:send" + V, "text/plain", "t");
            assertEquals("t", a.ws().nextJson().getString("data"));
            assertEquals("t", b.ws().nextJson().getString("data"));
            c.ws().assertNoFrame(200);
            assertEquals(204, rest.call("DELETE", "/api/hubs/" + hub + "/users/max/groups/team" + V).statusCode());
            assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/groups/team" + V).statusCode());
            rest.call("PUT", "/api/hubs/" + hub + "/users/max/groups/x" + V);
            rest.call("PUT", "/api/hubs/" + hub + "/users/max/groups/y" + V);
            assertEquals(204, rest.call("DELETE", "/api/hubs/" + hub + "/users/max/groups" + V).statusCode());
            assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/groups/x" + V).statusCode());
            assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/groups/y" + V).statusCode());
            assertError(rest.call("PUT", "/api/hubs/" + hub + "/users/ghost/groups/team" + V), 404,
                    "Info.User.NotExisted", "User `ghost` is not found.", "User");
            assertEquals(204, rest.call("DELETE", "/api/hubs/" + hub + "/users/ghost/groups/team" + V).statusCode());
            assertEquals(204, rest.call("DELETE", "/api/hubs/" + hub + "/users/ghost/groups" + V).statusCode());
        }
    }

    @Test
    void addToGroupsAndRemoveFromGroupsWithoutFilterSelectEveryone() {
        String hub = hub();
        try (Conn a = json(hub, "a", List.of(), List.of()); Conn b = json(hub, "b", List.of(), List.of())) {
            HttpResponse<String> r = rest.call("POST", "/api/hubs/" + hub + "/:addToGroups" + V, "application/json",
                    "{\"groups\":[\"g1\",\"g2\"]}");
            assertEquals(200, r.statusCode());
            assertEquals("", r.body());
            assertEquals(2, Rest.json(rest.call("GET", "/api/hubs/" + hub + "/groups/g2/connections" + V).body())
                    .getJsonArray("value").size());
            assertEquals(200, rest.call("POST", "/api/hubs/" + hub + "/:removeFromGroups" + V, "application/json",
                    "{\"groups\":[\"g1\"],\"filter\":null}").statusCode());
            assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/groups/g1" + V).statusCode());
            assertEquals(200, rest.call("HEAD", "/api/hubs/" + hub + "/groups/g2" + V).statusCode());
            assertError(rest.call("POST", "/api/hubs/" + hub + "/:addToGroups" + V, "application/json",
                    "{\"groups\":[]}"),
                    400, "Error.BadRequest", "groups must be a non-empty array of group names.", "groups");
            assertError(rest.call("POST", "/api/hubs/" + hub + "/:addToGroups" + V, "application/json", "[1]"),
                    400, "Error.BadRequest",
                    "The body must be a JSON object with groups and an optional filter.", "Request");
            assertError(rest.call("POST", "/api/hubs/" + hub + "/:addToGroups" + V, "application/json",
                    "{\"groups\":[\"  \"]}"),
                    400, "Error.BadRequest",
                    "Invalid group name '  ': it must have 1 to 1024 characters and not only whitespace.", "groups");
        }
    }

    // ---- closing (#3, #7, #12, #21) --------------------------------------------------------------------------------

    @Test
    void closeConnectionSendsDisconnectedWithReason() {
        String hub = hub();
        try (Conn a = json(hub, "a", List.of(), List.of())) {
            assertEquals(204, rest.call("DELETE", "/api/hubs/" + hub + "/connections/" + a.id() + V
                    + "&reason=bye%20now").statusCode());
            assertEquals("{\"type\":\"system\",\"event\":\"disconnected\",\"message\":\"bye now\"}", a.ws().nextText());
            assertEquals("1000 bye now", a.ws().awaitClose());
            assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/connections/" + a.id() + V).statusCode());
            assertEquals(204, rest.call("DELETE", "/api/hubs/" + hub + "/connections/" + a.id() + V).statusCode());
        }
    }

    @Test
    void closeAllGroupAndUserConnectionsWithExcluded() {
        String hub = hub();
        try (Conn a = json(hub, "a", List.of(), List.of("g")); Conn b = json(hub, "b", List.of(), List.of("g"));
             Conn c = json(hub, "c", List.of(), List.of()); Conn d = json(hub, "d", List.of(), List.of())) {
            assertEquals(204, rest.call("POST", "/api/hubs/" + hub + "/groups/g/:closeConnections" + V + "&excluded="
                    + b.id()).statusCode());
            assertEquals("{\"type\":\"system\",\"event\":\"disconnected\",\"message\":\"Closed by REST API.\"}",
                    a.ws().nextText());
            b.ws().assertNoFrame(200);
            assertEquals(204, rest.call("POST", "/api/hubs/" + hub + "/users/c/:closeConnections" + V + "&reason=r")
                    .statusCode());
            assertEquals("r", c.ws().nextJson().getString("message"));
            assertEquals(204, rest.call("POST", "/api/hubs/" + hub + "/:closeConnections" + V + "&excluded=" + d.id())
                    .statusCode());
            assertEquals("disconnected", b.ws().nextJson().getString("event"));
            d.ws().assertNoFrame(200);
            assertEquals(200, rest.call("HEAD", "/api/hubs/" + hub + "/connections/" + d.id() + V).statusCode());
            assertEquals(404, rest.call("HEAD", "/api/hubs/" + hub + "/connections/" + b.id() + V).statusCode());
        }
    }

    // ---- list group connections (#14) -----------------------------------------------------------------------------

    @Test
    void listConnectionsPagesWithNextLink() {
        String hub = hub();
        List<Conn> conns = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                conns.add(json(hub, i == 0 ? null : "user" + i, List.of(), List.of("big")));
            }
            Set<String> seen = new HashSet<>();
            String next = emulator.endpoint() + "/api/hubs/" + hub + "/groups/big/connections" + V + "&maxpagesize=2";
            int pages = 0;
            while (next != null) {
                HttpResponse<String> r = rest.call("GET", next.substring(emulator.endpoint().length()));
                assertEquals(200, r.statusCode());
                JsonObject page = Rest.json(r.body());
                page.getJsonArray("value").forEach(v -> seen.add(v.asJsonObject().getString("connectionId")));
                assertTrue(page.getJsonArray("value").size() <= 2);
                next = page.getString("nextLink", null);
                if (next != null) {
                    assertTrue(next.startsWith(emulator.endpoint() + "/api/hubs/" + hub
                            + "/groups/big/connections?api-version=2024-12-01&maxpagesize=2&continuationToken="), next);
                }
                pages++;
            }
            assertEquals(3, pages);
            assertEquals(conns.stream().map(Conn::id).collect(java.util.stream.Collectors.toSet()), seen);
            JsonObject top = Rest.json(rest.call("GET", "/api/hubs/" + hub + "/groups/big/connections" + V
                    + "&top=3&maxpagesize=2").body());
            assertEquals(2, top.getJsonArray("value").size());
            assertTrue(top.getString("nextLink").contains("&top=1&"));
            JsonObject anonymous = Rest.json(rest.call("GET", "/api/hubs/" + hub
                    + "/groups/big/connections" + V).body())
                    .getJsonArray("value").stream().map(v -> v.asJsonObject())
                    .filter(o -> o.getString("connectionId").equals(conns.get(0).id())).findFirst().orElseThrow();
            assertFalse(anonymous.containsKey("userId"));
            assertEquals("{\"value\":[]}", rest.call("GET", "/api/hubs/" + hub + "/groups/empty/connections"
                    + V).body());
            assertError(rest.call("GET", "/api/hubs/" + hub + "/groups/big/connections" + V + "&maxpagesize=0"), 400,
                    "Error.BadRequest", "The maxpagesize parameter must be an integer from 1 to 200, got '0'.",
                    "maxpagesize");
        } finally {
            conns.forEach(Conn::close);
        }
    }

    // ---- permissions (#17, #18, #19) -------------------------------------------------------------------------------

    @Test
    void grantCheckRevokePermission() {
        String hub = hub();
        try (Conn a = json(hub, "a", List.of(), List.of())) {
            String base = "/api/hubs/" + hub + "/permissions/";
            String q = "/connections/" + a.id() + V + "&targetName=room";
            assertEquals(404, rest.call("HEAD", base + "sendToGroup" + q).statusCode());
            assertEquals(200, rest.call("PUT", base + "sendToGroup" + q).statusCode());
            assertEquals(200, rest.call("PUT", base + "sendToGroup" + q).statusCode());
            assertEquals(200, rest.call("HEAD", base + "sendToGroup" + q).statusCode());
            assertEquals(200, rest.call("HEAD", base + "SENDTOGROUP" + q).statusCode());
            assertEquals(200, rest.call("HEAD", base + "1" + q).statusCode());
            assertEquals(404, rest.call("HEAD", base + "joinLeaveGroup" + q).statusCode());
            assertEquals(404, rest.call("HEAD", base + "sendToGroup/connections/" + a.id() + V + "&targetName=Room")
                    .statusCode());
            assertEquals(204, rest.call("DELETE", base + "sendToGroup" + q).statusCode());
            assertEquals(404, rest.call("HEAD", base + "sendToGroup" + q).statusCode());
            assertEquals(204, rest.call("DELETE", base + "sendToGroup/connections/missing" + V + "&targetName=room")
                    .statusCode());
            assertError(rest.call("PUT", base + "sendToGroup/connections/missing" + V + "&targetName=room"), 404,
                    "Info.Connection.NotExisted", "Connection `missing` is not found.", "Connection");
            HttpResponse<String> missing = rest.call("HEAD", base + "sendToGroup/connections/missing" + V
                    + "&targetName=room");
            assertEquals(404, missing.statusCode());
            assertEquals("Info.Connection.NotExisted", missing.headers().firstValue("x-ms-error-code").orElseThrow());
            assertError(rest.call("PUT", base + "3" + q), 400, "Error.BadRequest",
                    "Invalid permission '3': expected sendToGroup or joinLeaveGroup.", "permission");
            assertError(rest.call("PUT", base + "sendToGroup/connections/" + a.id() + V), 400, "Error.BadRequest",
                    "targetName is required: the group name, 1 to 1024 characters.", "targetName");
            assertError(rest.call("PUT", base + "sendToGroup/connections/" + a.id() + V + "&targetName=%20"), 400,
                    "Error.BadRequest",
                    "targetName is required: the group name, 1 to 1024 characters.", "targetName");
        }
    }

    @Test
    void grantedPermissionsLetClientsActAndRevokeWinsOverRoles() {
        String hub = hub();
        try (Conn a = json(hub, "a", List.of("webpubsub.joinLeaveGroup"), List.of())) {
            a.ws().send("{\"type\":\"sendToGroup\",\"group\":\"room\",\"ackId\":1,\"data\":1}");
            assertEquals("Forbidden", a.ws().nextJson().getJsonObject("error").getString("name"));
            rest.call("PUT", "/api/hubs/" + hub + "/permissions/sendToGroup/connections/" + a.id() + V
                    + "&targetName=room");
            a.ws().send("{\"type\":\"sendToGroup\",\"group\":\"room\",\"ackId\":2,\"data\":1}");
            assertEquals("{\"type\":\"ack\",\"ackId\":2,\"success\":true}", a.ws().nextText());
            assertEquals(204, rest.call("DELETE", "/api/hubs/" + hub + "/permissions/joinLeaveGroup/connections/"
                    + a.id() + V + "&targetName=room").statusCode());
            a.ws().send("{\"type\":\"joinGroup\",\"group\":\"room\",\"ackId\":3}");
            assertEquals("Forbidden", a.ws().nextJson().getJsonObject("error").getString("name"));
            a.ws().send("{\"type\":\"joinGroup\",\"group\":\"other\",\"ackId\":4}");
            assertEquals("{\"type\":\"ack\",\"ackId\":4,\"success\":true}", a.ws().nextText());
            assertEquals(200, rest.call("PUT", "/api/hubs/" + hub + "/permissions/joinLeaveGroup/connections/" + a.id()
                    + V + "&targetName=room").statusCode());
            a.ws().send("{\"type\":\"joinGroup\",\"group\":\"room\",\"ackId\":5}");
            assertEquals("{\"type\":\"ack\",\"ackId\":5,\"success\":true}", a.ws().nextText());
        }
    }

    // ---- generateToken (#4) ----------------------------------------------------------------------------------------

    @Test
    void generateTokenMintsAUsableClientToken() {
        String hub = hub();
        HttpResponse<String> r = rest.call("POST", "/api/hubs/" + hub + "/:generateToken" + V
                + "&userId=gen&role=webpubsub.sendToGroup&role=webpubsub.joinLeaveGroup.x&group=g1&group=g2&"
                + "minutesToExpire=5");
        assertEquals(200, r.statusCode());
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        String token = Rest.json(r.body()).getString("token");
        Jwt jwt = Jwt.parse(token);
        assertEquals(emulator.endpoint() + "/client/hubs/" + hub, jwt.claims().getString("aud"));
        assertEquals("gen", jwt.claims().getString("sub"));
        assertEquals(List.of("webpubsub.sendToGroup", "webpubsub.joinLeaveGroup.x"), jwt.stringsClaim("role"));
        assertEquals(List.of("g1", "g2"), jwt.stringsClaim("webpubsub.group"));
        assertEquals(300, jwt.numericClaim("exp") - jwt.numericClaim("iat"));
        try (WsClient c = WsClient.connect(rest.clientUrl(hub, token), JSON)) {
            assertEquals("gen", c.nextJson().getString("userId"));
            assertEquals(200, rest.call("HEAD", "/api/hubs/" + hub + "/groups/g2" + V).statusCode());
        }
        assertError(rest.call("POST", "/api/hubs/" + hub + "/:generateToken" + V + "&minutesToExpire=0"), 400,
                "Error.BadRequest",
                "The minutesToExpire parameter must be an integer from 1 to 2147483647, got '0'.", "minutesToExpire");
        assertError(rest.call("POST", "/api/hubs/" + hub + "/:generateToken" + V + "&clientType=mqtt"), 400,
                "NotSupported",
                "MQTT clients are not supported by the emulator.", "clientType");
        assertError(rest.call("POST", "/api/hubs/" + hub + "/:generateToken" + V + "&clientType=Other"), 400,
                "Error.BadRequest",
                "Invalid clientType 'Other': expected Default or MQTT.", "clientType");
        assertEquals(200, rest.call("POST", "/api/hubs/" + hub + "/:generateToken" + V + "&clientType=default")
                .statusCode());
    }

    // ---- names, versions, routes ------------------------------------------------------------------------------------

    @Test
    void invalidNamesVersionsAndRoutes() {
        assertError(rest.call("POST", "/api/hubs/1bad/:send" + V, "text/plain", "x"), 400, "Error.BadRequest",
                "Invalid hub name '1bad': it must start with a letter and contain at most 128 letters, digits or _`,"
                + ".[] characters.", "hub");
        assertError(rest.call("PUT", "/api/hubs/h/groups/" + "g".repeat(1025) + "/connections/c" + V), 400,
                "Error.BadRequest",
                "Invalid group name '" + "g".repeat(1025)
                + "': it must have 1 to 1024 characters and not only whitespace.", "group");
        assertError(rest.call("POST", "/api/hubs/h/:send?api-version=2099-01-01", "text/plain", "x"), 400,
                "Error.BadRequest",
                "Unsupported api-version '2099-01-01'. Supported: 2021-10-01, 2022-11-01, 2023-07-01, 2024-01-01, "
                + "2024-12-01.", "api-version");
        assertError(rest.call("POST", "/api/hubs/h/:send?api-version=2024-12-01&api-version=2024-12-01",
                "text/plain", "x"), 400,
                "Error.BadRequest", "The api-version parameter may be given only once.", "api-version");
        for (String v : List.of("2021-10-01", "2022-11-01", "2023-07-01", "2024-01-01", "2024-12-01")) {
            assertEquals(202, rest.call("POST", "/api/hubs/h/:send?api-version=" + v, "text/plain", "x").statusCode());
        }
        assertEquals(202, rest.call("POST", "/api/hubs/h/:send", "text/plain", "x").statusCode());
        assertError(rest.call("GET", "/api/hubs/h/nothing" + V), 404, "Error.NotFound",
                "The requested path is not part of the REST API.", "Request");
        assertError(rest.call("GET", "/api/hubs/h/:send" + V), 405, "Error.MethodNotAllowed",
                "The method GET is not allowed here.", "Request");
        assertEquals(404, Rest.send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/other")).build())
                .statusCode());
        // group names with slashes and spaces travel URL-encoded
        try (Conn a = json("names", "u", List.of(), List.of("a/b c"))) {
            assertEquals(200, rest.call("HEAD", "/api/hubs/names/groups/a%2Fb%20c" + V).statusCode());
        }
    }

    @Test
    void refusedRequestsWithBodiesKeepTheConnectionUsable() {
        String hub = hub();
        for (int i = 0; i < 5; i++) {
            assertEquals(400, rest.call("POST", "/api/hubs/" + hub + "/:send" + V + "&filter=bad%20filter",
                    "text/plain", "body " + i).statusCode());
            assertEquals(415, rest.call("POST", "/api/hubs/" + hub + "/:send" + V, "text/html", "<p>" + i)
                    .statusCode());
            assertEquals(404, rest.call("POST", "/api/hubs/" + hub + "/:nothing" + V, "text/plain", "x").statusCode());
            assertEquals(401, Rest.send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/api/hubs/" + hub
                    + "/:send" + V))
                    .POST(HttpRequest.BodyPublishers.ofString("unauthenticated")).header("Content-Type", "text/plain")
                            .build()).statusCode());
            assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/:send" + V, "text/plain", "ok " + i)
                    .statusCode());
        }
        assertEquals(413, rest.call("POST", "/api/hubs/" + hub + "/:send" + V, "text/plain",
                "a".repeat(3 * 1024 * 1024)).statusCode());
        assertEquals(202, rest.call("POST", "/api/hubs/" + hub + "/:send" + V, "text/plain", "after").statusCode());
    }

    // ---- authentication ---------------------------------------------------------------------------------------------

    @Test
    void restAuthentication() {
        String url = emulator.endpoint() + "/api/hubs/auth/:send" + V;
        HttpRequest.Builder base = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .header("Content-Type", "text/plain");
        HttpResponse<String> none = Rest.send(base.copy().build());
        assertEquals(401, none.statusCode());
        assertEquals("", none.body());
        assertEquals("Error.Unauthorized", none.headers().firstValue("x-ms-error-code").orElseThrow());
        long now = java.time.Instant.now().getEpochSecond();
        String key = WebPubSubEmulator.DEFAULT_ACCESS_KEY;
        // aud without the query string is accepted
        assertEquals(202, Rest.send(base.copy().header("Authorization", "Bearer "
                + sign(url.substring(0, url.indexOf('?')), now + 60, key)).build()).statusCode());
        // aud with another path is refused
        assertEquals(401, Rest.send(base.copy().header("Authorization", "Bearer "
                + sign(emulator.endpoint() + "/api/hubs/x/:send", now + 60, key)).build()).statusCode());
        // wrong key
        assertEquals(401, Rest.send(base.copy().header("Authorization", "Bearer " + sign(url, now + 60, "Z".repeat(40)))
                .build()).statusCode());
        // expired beyond the 5-minute skew, and within it
        assertEquals(401, Rest.send(base.copy().header("Authorization", "Bearer " + sign(url, now - 301, key)).build())
                .statusCode());
        assertEquals(202, Rest.send(base.copy().header("Authorization", "Bearer " + sign(url, now - 200, key)).build())
                .statusCode());
        // no exp
        String noExp = Jwt.sign(Jsons.PROVIDER.createObjectBuilder().add("aud", url).build(), key);
        assertEquals(401, Rest.send(base.copy().header("Authorization", "Bearer " + noExp).build()).statusCode());
        assertEquals(401, Rest.send(base.copy().header("Authorization", "Bearer not.a.jwt").build()).statusCode());
        assertEquals(401, Rest.send(base.copy().header("Authorization", "Basic abc").build()).statusCode());
        // Entra tokens are refused unless enabled
        String entra = Jwt.sign(Jsons.PROVIDER.createObjectBuilder().add("aud", "https://webpubsub.azure.com")
                .add("exp", now + 60).build(), "x".repeat(32));
        assertEquals(401, Rest.send(base.copy().header("Authorization", "Bearer " + entra).build()).statusCode());
    }

    private static String sign(String aud, long exp, String key) {
        return Jwt.sign(Jsons.PROVIDER.createObjectBuilder().add("aud", aud).add("exp", exp).build(), key);
    }

    @Test
    void secondaryKeyAndEntraMode() {
        String secondary = "S".repeat(40);
        try (WebPubSubEmulator e = WebPubSubEmulator.builder().secondaryAccessKey(secondary)
                .entraTokens(true).start()) {
            String url = e.endpoint() + "/api/hubs/k/:send" + V;
            long now = java.time.Instant.now().getEpochSecond();
            HttpRequest.Builder base = HttpRequest.newBuilder(URI.create(url))
                    .POST(HttpRequest.BodyPublishers.ofString("x"))
                    .header("Content-Type", "text/plain");
            assertEquals(202, Rest.send(base.copy().header("Authorization", "Bearer " + sign(url, now + 60, secondary))
                    .build()).statusCode());
            assertEquals(202, Rest.send(base.copy().header("Authorization", "Bearer "
                    + sign(url, now + 60, WebPubSubEmulator.DEFAULT_ACCESS_KEY)).build()).statusCode());
            String entra = Jwt.sign(Jsons.PROVIDER.createObjectBuilder().add("aud", "https://webpubsub.azure.com")
                    .add("exp", now + 60).build(), "x".repeat(32));
            assertEquals(202, Rest.send(base.copy().header("Authorization", "Bearer " + entra).build()).statusCode());
            String expiredEntra = Jwt.sign(Jsons.PROVIDER.createObjectBuilder()
                    .add("aud", "https://webpubsub.azure.com").add("exp", now - 400).build(), "x".repeat(32));
            assertEquals(401, Rest.send(base.copy().header("Authorization", "Bearer " + expiredEntra).build())
                    .statusCode());
        }
    }

    @Test
    void userIdsAreCaseSensitive() {
        String hub = hub();
        try (Conn a = json(hub, "Kim", List.of(), List.of())) {
            rest.call("POST", "/api/hubs/" + hub + "/users/kim/:send" + V, "text/plain", "lower");
            a.ws().assertNoFrame(200);
            rest.call("POST", "/api/hubs/" + hub + "/users/Kim/:send" + V, "text/plain", "exact");
            assertEquals("exact", a.ws().nextJson().getString("data"));
            assertNull(null);
        }
    }
}
