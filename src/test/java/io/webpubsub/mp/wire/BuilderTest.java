package io.webpubsub.mp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.webpubsub.mp.WebPubSubClientBuilder;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.WebPubSubKeyCredential;
import io.webpubsub.mp.WebPubSubNotFoundException;
import io.webpubsub.mp.WebPubSubServiceVersion;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.rest.GroupMemberPagedValues;
import io.webpubsub.mp.rest.PathSegments;
import io.webpubsub.mp.rest.WebPubSubRestApi;
import io.webpubsub.mp.testing.FakeService;
import io.webpubsub.mp.testing.FakeService.Answer;
import io.webpubsub.mp.testing.Jwts;

class BuilderTest {

    static final String KEY = WireFormatTest.KEY;
    static final String OTHER_KEY = "another-access-key-0123456789-abcdefghijkl";

    FakeService service;

    @BeforeEach
    void start() throws Exception {
        service = new FakeService();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void serviceVersionSelectsTheApiVersion() {
        try (WebPubSubHubClient client = new WebPubSubClientBuilder().connectionString("Endpoint=" + service.endpoint()
                + ";AccessKey=" + KEY).hub("chat").serviceVersion(WebPubSubServiceVersion.V2021_10_01).buildClient()) {
            client.sendToAll(Message.text("x"));
            assertEquals("/api/hubs/chat/:send?api-version=2021-10-01", service.only().target());
        }
    }

    @Test
    void anExplicitCredentialReplacesTheKeyOfTheConnectionString() {
        try (WebPubSubHubClient client = new WebPubSubClientBuilder().connectionString("Endpoint=" + service.endpoint()
                + ";AccessKey=" + KEY).credential(new WebPubSubKeyCredential(OTHER_KEY)).hub("chat").buildClient()) {
            client.sendToAll(Message.text("x"));
            Jwts.bearer(service.only().header("Authorization"), OTHER_KEY);
        }
    }

    @Test
    void endpointWithBasePathPrefixesEveryPath() {
        try (WebPubSubHubClient client = new WebPubSubClientBuilder().endpoint(service.endpoint() + "/gateway/wps/")
                .credential(new WebPubSubKeyCredential(KEY)).hub("chat").buildClient()) {
            client.closeConnection("c1");
            assertEquals("/gateway/wps/api/hubs/chat/connections/c1?api-version=2024-12-01", service.only().target());
            assertEquals(service.endpoint() + "/gateway/wps/api/hubs/chat/connections/c1?api-version=2024-12-01",
                    Jwts.bearer(service.only().header("Authorization"), KEY).claims().getString("aud"));
        }
    }

    @Test
    void theRawRestApiIsAuthenticatedAndMapsErrors() throws Exception {
        try (WebPubSubRestApi api = new WebPubSubClientBuilder().connectionString("Endpoint=" + service.endpoint()
                + ";AccessKey=" + KEY).buildRestApi()) {
            service.then(Answer.json(200, "{\"value\":[{\"connectionId\":\"c1\",\"userId\":\"u1\"}],"
                    + "\"nextLink\":\"http://x/next?continuationToken=abc\"}"), Answer.status(404));
            GroupMemberPagedValues page = api.listConnectionsInGroup("chat", PathSegments.slashSafe("a/b"), 10, null,
                    null, "2024-12-01");
            assertEquals("c1", page.getValue().get(0).getConnectionId());
            assertEquals("u1", page.getValue().get(0).getUserId());
            assertEquals("http://x/next?continuationToken=abc", page.getNextLink());
            assertThrows(WebPubSubNotFoundException.class, () -> api.userExists("chat", "nobody", "2024-12-01"));
            api.sendToGroup("chat", "g", List.of("c1", "c2"), "2024-12-01", "application/json", "[1]".getBytes(),
                    "userId eq 'a'", 10);
            List<FakeService.Recorded> requests = service.requests();
            assertEquals("/api/hubs/chat/groups/a%2Fb/connections?maxpagesize=10&api-version=2024-12-01",
                    requests.get(0).target());
            assertEquals("/api/hubs/chat/groups/g/:send?excluded=c1&excluded=c2&api-version=2024-12-01"
                    + "&filter=userId+eq+%27a%27&messageTtlSeconds=10", requests.get(2).target());
            assertEquals("application/json", requests.get(2).header("Content-Type"));
            requests.forEach(r -> Jwts.bearer(r.header("Authorization"), KEY));
        }
    }
}
