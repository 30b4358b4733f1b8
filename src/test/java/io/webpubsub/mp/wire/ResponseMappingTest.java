package io.webpubsub.mp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.webpubsub.mp.WebPubSubAuthenticationException;
import io.webpubsub.mp.WebPubSubClientBuilder;
import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.WebPubSubNotFoundException;
import io.webpubsub.mp.WebPubSubServiceException;
import io.webpubsub.mp.models.GroupMember;
import io.webpubsub.mp.models.ListConnectionsOptions;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.models.RetryOptions;
import io.webpubsub.mp.testing.FakeService;
import io.webpubsub.mp.testing.FakeService.Answer;

/** How responses, errors and pages map to results and exceptions. */
class ResponseMappingTest {

    static final String KEY = WireFormatTest.KEY;
    static final String V = "api-version=2024-12-01";

    static FakeService service;
    static WebPubSubHubClient client;
    static WebPubSubHubAsyncClient asyncClient;

    @BeforeAll
    static void start() throws Exception {
        service = new FakeService();
        WebPubSubClientBuilder builder = new WebPubSubClientBuilder()
                .connectionString("Endpoint=" + service.endpoint() + ";AccessKey=" + KEY + ";Version=1.0;")
                .hub("chat").retryOptions(new RetryOptions().setMaxRetries(0));
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

    @Test
    void notFoundCarriesStatusCodeMessageAndRequest() {
        service.then(Answer.json(404, "{\"code\":\"Info.Connection.NotExisted\",\"message\":\"Connection `conn1` is"
                + " not found.\",\"target\":\"Connection\",\"details\":null,\"innererror\":null}")
                .header("x-ms-error-code", "Info.Connection.NotExisted"));
        WebPubSubNotFoundException e = assertThrows(WebPubSubNotFoundException.class,
                () -> client.addConnectionToGroup("g", "conn1"));
        String request = "PUT " + service.endpoint() + "/api/hubs/chat/groups/g/connections/conn1?" + V;
        assertEquals(404, e.getStatusCode());
        assertEquals(Optional.of("Info.Connection.NotExisted"), e.getErrorCode());
        assertEquals(Optional.of("Connection `conn1` is not found."), e.getServiceMessage());
        assertEquals(request, e.getRequest());
        assertEquals(request + " failed with status 404 Info.Connection.NotExisted: Connection `conn1` is not found.",
                e.getMessage());
    }

    @Test
    void errorCodeFromBodyWhenHeaderMissing() {
        service.then(Answer.json(400, "{\"code\":\"Error.BadRequest\",\"message\":\"Invalid filter \\\"x\\\"\"}"));
        WebPubSubServiceException e = assertThrows(WebPubSubServiceException.class,
                () -> client.sendToAll(Message.text("x")));
        assertEquals(400, e.getStatusCode());
        assertEquals(Optional.of("Error.BadRequest"), e.getErrorCode());
        assertEquals(Optional.of("Invalid filter \"x\""), e.getServiceMessage());
        assertEquals(WebPubSubServiceException.class, e.getClass());
    }

    @Test
    void plainTextErrorBodyBecomesTheMessage() {
        service.then(new Answer(409, java.util.Map.of("Content-Type", "text/plain"), "conflict here", false));
        WebPubSubServiceException e = assertThrows(WebPubSubServiceException.class,
                () -> client.grantPermission(io.webpubsub.mp.models.Permission.SEND_TO_GROUP, "c", "g"));
        assertEquals(Optional.empty(), e.getErrorCode());
        assertEquals(Optional.of("conflict here"), e.getServiceMessage());
    }

    @Test
    void unauthorizedAndForbiddenAreAuthenticationExceptions() {
        service.then(Answer.status(401), Answer.status(403));
        WebPubSubAuthenticationException e = assertThrows(WebPubSubAuthenticationException.class,
                () -> client.removeUserFromAllGroups("u"));
        assertEquals("DELETE " + service.endpoint() + "/api/hubs/chat/users/u/groups?" + V
                + " failed with status 401", e.getMessage());
        assertEquals(403, assertThrows(WebPubSubAuthenticationException.class,
                () -> client.closeAllConnections()).getStatusCode());
    }

    @Test
    void existenceChecksMapStatusToBoolean() {
        service.then(Answer.status(200), Answer.status(404), Answer.status(500));
        assertTrue(client.groupExists("g"));
        assertFalse(client.userExists("u"));
        WebPubSubServiceException e = assertThrows(WebPubSubServiceException.class,
                () -> client.connectionExists("c"));
        assertEquals(500, e.getStatusCode());
    }

    @Test
    void asyncFailuresCompleteTheStageWithTheSameException() {
        service.then(Answer.status(404), Answer.status(404));
        CompletionException e = assertThrows(CompletionException.class,
                () -> asyncClient.addUserToGroup("g", "u").toCompletableFuture().join());
        assertInstanceOf(WebPubSubNotFoundException.class, e.getCause());
        assertFalse(asyncClient.checkPermission(io.webpubsub.mp.models.Permission.SEND_TO_GROUP, "c", "g")
                .toCompletableFuture().join());
    }

    @Test
    void healthIsAnonymousAndFalseOnError() {
        service.then(Answer.status(200), Answer.status(503));
        assertTrue(client.isServiceHealthy());
        assertFalse(client.isServiceHealthy());
        assertEquals(2, service.requests().size());
        for (FakeService.Recorded r : service.requests()) {
            assertEquals("HEAD", r.method());
            assertEquals("/api/health?" + V, r.target());
            assertNull(r.header("Authorization"));
        }
    }

    static String page(String nextLink, String... members) {
        String values = List.of(members).stream().map(m -> m.contains(":")
                ? "{\"connectionId\":\"" + m.split(":")[0] + "\",\"userId\":\"" + m.split(":")[1] + "\"}"
                : "{\"connectionId\":\"" + m + "\"}").collect(Collectors.joining(","));
        return "{\"value\":[" + values + "]" + (nextLink == null ? "" : ",\"nextLink\":\"" + nextLink + "\"") + "}";
    }

    @Test
    void listConnectionsFollowsNextLinkLazily() {
        String next = service.endpoint() + "/api/hubs/chat/groups/g/connections?continuationToken=t%2B1&maxpagesize=2&"
                + V;
        service.then(Answer.json(200, page(next, "c1:u1", "c2")), Answer.json(200, page(null, "c3:u3")));
        var stream = client.listConnectionsInGroup("g", new ListConnectionsOptions().setMaxPageSize(2));
        assertEquals(0, service.requests().size(), "nothing is fetched before the stream is consumed");
        List<GroupMember> members = stream.toList();
        assertEquals(List.of(new GroupMember("c1", "u1"), new GroupMember("c2", null), new GroupMember("c3", "u3")),
                members);
        assertEquals(List.of("/api/hubs/chat/groups/g/connections?maxpagesize=2&" + V,
                "/api/hubs/chat/groups/g/connections?continuationToken=t%2B1&maxpagesize=2&" + V),
                service.requests().stream().map(FakeService.Recorded::target).toList());
    }

    @Test
    void listConnectionsStopsAtTop() {
        String next = service.endpoint() + "/x?continuationToken=more";
        service.then(Answer.json(200, page(next, "c1", "c2", "c3")));
        List<GroupMember> members = client.listConnectionsInGroup("g", new ListConnectionsOptions().setTop(2))
                .toList();
        assertEquals(2, members.size());
        assertEquals("/api/hubs/chat/groups/g/connections?top=2&" + V, service.only().target());
    }

    @Test
    void asyncListingIsAPublisherDrivenByDemand() throws Exception {
        String next = service.endpoint() + "/x?continuationToken=p2";
        service.then(Answer.json(200, page(next, "c1", "c2")), Answer.json(200, page(null, "c3")));
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Flow.Subscription[] subscription = new Flow.Subscription[1];
        asyncClient.listConnectionsInGroup("g", new ListConnectionsOptions()).subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription[0] = s;
                s.request(1);
            }

            @Override
            public void onNext(GroupMember item) {
                seen.add(item.connectionId());
            }

            @Override
            public void onError(Throwable throwable) {
                seen.add("error " + throwable);
                done.countDown();
            }

            @Override
            public void onComplete() {
                seen.add("complete");
                done.countDown();
            }
        });
        waitFor(() -> seen.size() == 1);
        assertEquals(List.of("c1"), seen);
        assertEquals(1, service.requests().size());
        subscription[0].request(10);
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("c1", "c2", "c3", "complete"), seen);
        assertEquals("/x?continuationToken=p2&" + V, service.requests().get(1).target());
    }

    @Test
    void asyncListingSignalsErrors() throws Exception {
        service.then(Answer.status(500));
        CompletionException e = assertThrows(CompletionException.class, () -> collect(asyncClient
                .listConnectionsInGroup("g", new ListConnectionsOptions())).join());
        assertEquals(500, ((WebPubSubServiceException) e.getCause()).getStatusCode());
    }

    static java.util.concurrent.CompletableFuture<List<GroupMember>> collect(Flow.Publisher<GroupMember> p) {
        java.util.concurrent.CompletableFuture<List<GroupMember>> result =
                new java.util.concurrent.CompletableFuture<>();
        List<GroupMember> items = new CopyOnWriteArrayList<>();
        p.subscribe(new Flow.Subscriber<>() {
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            public void onNext(GroupMember item) {
                items.add(item);
            }

            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            public void onComplete() {
                result.complete(items);
            }
        });
        return result;
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
