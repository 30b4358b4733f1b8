package io.webpubsub.mp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.webpubsub.mp.WebPubSubClientBuilder;
import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.models.GroupMember;
import io.webpubsub.mp.models.ListConnectionsOptions;
import io.webpubsub.mp.testing.FakeService;
import io.webpubsub.mp.testing.FakeService.Answer;
import io.webpubsub.mp.testing.Jwts;

/** Paging follows the service's nextLink exactly as given, and never to another host. */
class NextLinkTest {

    static final String V = ResponseMappingTest.V;

    FakeService service;
    WebPubSubHubClient client;
    WebPubSubHubAsyncClient asyncClient;

    @BeforeEach
    void start() throws Exception {
        service = new FakeService();
        WebPubSubClientBuilder builder = new WebPubSubClientBuilder()
                .connectionString("Endpoint=" + service.endpoint() + ";AccessKey=" + WireFormatTest.KEY).hub("chat");
        client = builder.buildClient();
        asyncClient = builder.buildAsyncClient();
    }

    @AfterEach
    void stop() {
        client.close();
        asyncClient.close();
        service.close();
    }

    @Test
    void aRelativeNextLinkWithAnotherPathAndAnUnknownParameterIsFollowedAsGiven() {
        String next = "/api/hubs/chat/pages/7?continuationToken=a%2Bb%3D&shard=3&maxpagesize=2";
        service.then(Answer.json(200, ResponseMappingTest.page(next, "c1")),
                Answer.json(200, ResponseMappingTest.page(null, "c2")));
        assertEquals(List.of(new GroupMember("c1", null), new GroupMember("c2", null)),
                client.listConnectionsInGroup("g", new ListConnectionsOptions()).toList());
        FakeService.Recorded second = service.requests().get(1);
        assertEquals(next + "&" + V, second.target());
        assertEquals(service.endpoint() + next + "&" + V,
                Jwts.bearer(second.header("Authorization"), WireFormatTest.KEY).claims().getString("aud"));
        assertEquals(null, second.header(io.webpubsub.mp.impl.http.NextPageApi.NEXT_LINK));
    }

    @Test
    void anAbsoluteNextLinkKeepsItsOwnApiVersionAndEveryParameter() {
        String next = service.endpoint() + "/elsewhere?api-version=2099-01-01&x=1&continuationToken=t";
        service.then(Answer.json(200, ResponseMappingTest.page(next, "c1")),
                Answer.json(200, ResponseMappingTest.page(null, "c2")));
        assertEquals(2, client.listConnectionsInGroup("g", new ListConnectionsOptions()).count());
        assertEquals("/elsewhere?api-version=2099-01-01&x=1&continuationToken=t", service.requests().get(1).target());
    }

    @Test
    void aNextLinkToAnotherHostIsRefusedBeforeAnythingIsSentThere() {
        String next = "http://other.example/api/hubs/chat/groups/g/connections?continuationToken=t";
        String message = "The service's nextLink points at http://other.example, not at the endpoint "
                + service.endpoint() + "; it is not followed, so that no token is sent to another host";
        service.then(Answer.json(200, ResponseMappingTest.page(next, "c1")));
        IllegalStateException sync = assertThrows(IllegalStateException.class,
                () -> client.listConnectionsInGroup("g", new ListConnectionsOptions()).toList());
        assertEquals(message, sync.getMessage());

        service.then(Answer.json(200, ResponseMappingTest.page(next, "c1")));
        CompletionException async = assertThrows(CompletionException.class, () -> ResponseMappingTest.collect(
                asyncClient.listConnectionsInGroup("g", new ListConnectionsOptions())).join());
        assertEquals(message, assertInstanceOf(IllegalStateException.class, async.getCause()).getMessage());
        assertEquals(2, service.requests().size());
    }
}
