package io.webpubsub.mp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.webpubsub.mp.WebPubSubClientBuilder;
import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.WebPubSubKeyCredential;
import io.webpubsub.mp.WebPubSubServiceVersion;
import io.webpubsub.mp.impl.ConnectionString;
import io.webpubsub.mp.models.ClientAccessOptions;
import io.webpubsub.mp.models.CloseOptions;
import io.webpubsub.mp.models.Filter;
import io.webpubsub.mp.models.ListConnectionsOptions;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.models.Permission;
import io.webpubsub.mp.models.RetryOptions;
import io.webpubsub.mp.models.SendOptions;
import io.webpubsub.mp.testing.FakeService;

/** Bad input fails before anything is sent, naming the parameter; exact messages. */
class ValidationTest {

    static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";
    static FakeService service;
    static WebPubSubHubClient client;
    static WebPubSubHubAsyncClient asyncClient;

    @BeforeAll
    static void start() throws Exception {
        service = new FakeService();
        WebPubSubClientBuilder b = new WebPubSubClientBuilder()
                .connectionString("Endpoint=" + service.endpoint() + ";AccessKey=" + KEY).hub("chat");
        client = b.buildClient();
        asyncClient = b.buildAsyncClient();
    }

    @AfterAll
    static void stop() {
        client.close();
        asyncClient.close();
        assertEquals(0, service.requests().size(), "nothing may be sent for invalid arguments");
        service.close();
    }

    static void fails(Class<? extends Throwable> type, String message, Executable call) {
        assertEquals(message, assertThrows(type, call).getMessage());
    }

    @Test
    void clientArguments() {
        String longName = "g".repeat(1025);
        record Case(Class<? extends Throwable> type, String message, Consumer<WebPubSubHubClient> call) {
        }
        List<Case> cases = List.of(
                new Case(NullPointerException.class, "group", c -> c.sendToGroup(null, Message.text("x"))),
                new Case(IllegalArgumentException.class, "Invalid 'group': the group name is empty",
                        c -> c.sendToGroup("", Message.text("x"))),
                new Case(IllegalArgumentException.class, "Invalid 'group': the group name must not be whitespace only",
                        c -> c.groupExists("  ")),
                new Case(IllegalArgumentException.class, "Invalid 'group': the group name is longer than 1024"
                        + " characters", c -> c.addUserToGroup(longName, "u")),
                new Case(NullPointerException.class, "message", c -> c.sendToAll(null)),
                new Case(NullPointerException.class, "options", c -> c.sendToAll(Message.text("x"), null)),
                new Case(IllegalArgumentException.class, "The 'userId' is empty",
                        c -> c.sendToUser("", Message.text("x"))),
                new Case(NullPointerException.class, "connectionId", c -> c.closeConnection(null)),
                new Case(IllegalArgumentException.class, "The 'connectionId' is empty", c -> c.connectionExists("")),
                new Case(IllegalArgumentException.class, "The option 'excluded' is not supported by sendToUser",
                        c -> c.sendToUser("u", Message.text("x"), new SendOptions().setExcluded("c1"))),
                new Case(IllegalArgumentException.class, "The option 'filter' is not supported by sendToConnection",
                        c -> c.sendToConnection("c", Message.text("x"), new SendOptions().setFilter(Filter.raw("x")))),
                new Case(IllegalArgumentException.class, "The option 'excluded' is not supported by closeConnection",
                        c -> c.closeConnection("c", new CloseOptions().setExcluded("c2"))),
                new Case(IllegalArgumentException.class, "The 'groups' must name at least one group",
                        c -> c.addConnectionsToGroups(List.of(), null)),
                new Case(IllegalArgumentException.class, "Invalid 'groups': the group name is empty",
                        c -> c.removeConnectionsFromGroups(List.of("a", ""), null)),
                new Case(NullPointerException.class, "permission", c -> c.grantPermission(null, "c", "g")),
                new Case(IllegalArgumentException.class, "Invalid 'targetName': the group name is empty",
                        c -> c.checkPermission(Permission.SEND_TO_GROUP, "c", "")),
                new Case(IllegalArgumentException.class, "Invalid 'groups': the group name is empty",
                        c -> c.getClientAccess(new ClientAccessOptions().setGroups(""))),
                new Case(IllegalArgumentException.class, "Invalid 'group': the group name is empty",
                        c -> c.listConnectionsInGroup("", new ListConnectionsOptions())),
                new Case(IllegalArgumentException.class, "A path value must not contain the character U+E000",
                        c -> c.removeUserFromAllGroups("a\uE000b")));
        for (Case c : cases) {
            fails(c.type(), c.message(), () -> c.call().accept(client));
        }
        fails(IllegalArgumentException.class, "Invalid 'group': the group name is empty",
                () -> asyncClient.sendToGroup("", Message.text("x")));
    }

    @Test
    void optionsAndModels() {
        fails(IllegalArgumentException.class,
                "The 'messageTtl' must be a whole number of seconds from 0 to 300: PT5M1S",
                () -> new SendOptions().setMessageTtl(Duration.ofSeconds(301)));
        fails(IllegalArgumentException.class,
                "The 'messageTtl' must be a whole number of seconds from 0 to 300: PT0.5S",
                () -> new SendOptions().setMessageTtl(Duration.ofMillis(500)));
        fails(IllegalArgumentException.class, "The 'maxPageSize' must be from 1 to 200: 201",
                () -> new ListConnectionsOptions().setMaxPageSize(201));
        fails(IllegalArgumentException.class, "The 'top' must be at least 1: 0",
                () -> new ListConnectionsOptions().setTop(0));
        fails(IllegalArgumentException.class, "The 'expiresAfter' must be positive: PT0S",
                () -> new ClientAccessOptions().setExpiresAfter(Duration.ZERO));
        fails(IllegalArgumentException.class, "The 'userId' is empty: use null for an anonymous connection",
                () -> new ClientAccessOptions().setUserId(""));
        fails(IllegalArgumentException.class, "The 'maxRetries' must not be negative: -1",
                () -> new RetryOptions().setMaxRetries(-1));
        fails(IllegalArgumentException.class, "The JSON message 'json' is blank", () -> Message.rawJson(" "));
        fails(NullPointerException.class, "text", () -> Message.text(null));
        fails(IllegalArgumentException.class, "The filter 'odata' is blank", () -> Filter.raw(""));
        fails(IllegalArgumentException.class, "The access key is too short for HS256: it has 3 bytes, at least 32 are"
                + " needed", () -> new WebPubSubKeyCredential("abc"));
        fails(IllegalArgumentException.class, "Unsupported service version '2025-01-01': use one of 2021-10-01,"
                + " 2022-11-01, 2023-07-01, 2024-01-01, 2024-12-01",
                () -> WebPubSubServiceVersion.fromString("2025-01-01"));
    }

    @Test
    void filterEscapesValues() {
        assertEquals("userId eq 'it''s'' or ''1''=''1'", Filter.userId().eq("it's' or '1'='1").toString());
        assertEquals("(userId ne 'bot' and 'room-1' in groups) or not (connectionId in ('a','b''c'))",
                Filter.userId().ne("bot").and(Filter.inGroup("room-1"))
                        .or(Filter.not(Filter.connectionId().in("a", "b'c"))).toString());
        assertEquals("startswith(userId,'adm''') and userId eq null",
                Filter.userId().startsWith("adm'").and(Filter.anonymous()).toString());
    }

    @Test
    void builderSettings() {
        fails(IllegalStateException.class, "WebPubSubClientBuilder has no hub: call hub(String)",
                () -> new WebPubSubClientBuilder().connectionString("Endpoint=http://x;AccessKey=" + KEY)
                        .buildClient());
        fails(IllegalStateException.class, "WebPubSubClientBuilder has no connection settings: call"
                + " connectionString(String), or endpoint(String) with a credential",
                () -> new WebPubSubClientBuilder().hub("chat").buildClient());
        fails(IllegalStateException.class, "WebPubSubClientBuilder: endpoint(String) is set but no credential:"
                + " call credential(WebPubSubKeyCredential) or credential(WebPubSubTokenCredential)",
                () -> new WebPubSubClientBuilder().endpoint("http://x/").hub("chat").buildAsyncClient());
        fails(IllegalStateException.class, "WebPubSubClientBuilder: both connectionString(String) and"
                + " endpoint(String) are set: set only one",
                () -> new WebPubSubClientBuilder().connectionString("Endpoint=http://x;AccessKey=" + KEY)
                        .endpoint("http://y").hub("chat").buildClient());
        fails(IllegalStateException.class, "WebPubSubClientBuilder has no hub: call hub(String);"
                + " WebPubSubClientBuilder: both credential(WebPubSubKeyCredential) and"
                + " credential(WebPubSubTokenCredential) are set: set only one",
                () -> new WebPubSubClientBuilder().endpoint("http://x").credential(new WebPubSubKeyCredential(KEY))
                        .credential(scope -> null).buildClient());
        fails(IllegalArgumentException.class, "Invalid 'hub': the hub name 'chat room' must start with a letter,"
                + " contain only letters, digits and _ ` , . [ ] and be at most 128 characters long",
                () -> new WebPubSubClientBuilder().hub("chat room"));
        fails(IllegalArgumentException.class, "Invalid 'tokenLifetime': must be positive, was 'PT0S'",
                () -> new WebPubSubClientBuilder().tokenLifetime(Duration.ZERO));
    }

    @Test
    void connectionStrings() {
        record Case(String text, String endpointOrError) {
        }
        List<Case> cases = List.of(
                new Case("Endpoint=https://demo.webpubsub.azure.com;AccessKey=" + KEY + ";Version=1.0;",
                        "https://demo.webpubsub.azure.com"),
                new Case(" endpoint = HTTPS://Demo.WebPubSub.Azure.com/ ; ACCESSKEY = " + KEY + " ;;Unknown=1",
                        "https://demo.webpubsub.azure.com"),
                new Case("Endpoint=http://localhost;Port=8080;AccessKey=" + KEY, "http://localhost:8080"),
                new Case("Endpoint=https://gw.example.com/api/wps/;AccessKey=" + KEY, "https://gw.example.com/api/wps"),
                new Case("", "The connection string is empty"),
                new Case("Endpoint=https://x", "The connection string has no 'AccessKey'"),
                new Case("AccessKey=" + KEY, "The connection string has no 'Endpoint'"),
                new Case("Endpoint=https://x;AccessKey=" + KEY + ";ENDPOINT=https://y",
                        "The connection string has the key 'Endpoint' more than once"),
                new Case("Endpoint=https://x;AccessKey=" + KEY + ";Port=70000",
                        "The connection string's 'Port' must be a number from 1 to 65535: 70000"),
                new Case("Endpoint=wss://x;AccessKey=" + KEY, "The endpoint must be an absolute http:// or https://"
                        + " URL: wss://x"),
                new Case("Endpoint=https://x;" + KEY, "The connection string has a segment without '=': each segment"
                        + " must be key=value"));
        for (Case c : cases) {
            if (c.endpointOrError().startsWith("http")) {
                ConnectionString cs = ConnectionString.parse(c.text());
                assertEquals(c.endpointOrError(), cs.endpoint());
                assertEquals(KEY, cs.accessKey());
                assertEquals("ConnectionString[endpoint=" + c.endpointOrError() + ", accessKey=***]", cs.toString());
            } else {
                fails(IllegalArgumentException.class, c.endpointOrError(), () -> ConnectionString.parse(c.text()));
            }
        }
        assertEquals("abc=", ConnectionString.parse("Endpoint=https://x;AccessKey=abc=").accessKey(),
                "split at the first '='");
    }
}
