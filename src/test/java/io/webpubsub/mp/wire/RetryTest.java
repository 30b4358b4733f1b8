package io.webpubsub.mp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.webpubsub.mp.WebPubSubClientBuilder;
import io.webpubsub.mp.WebPubSubDeliveryUnknownException;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.WebPubSubServiceException;
import io.webpubsub.mp.models.Message;
import io.webpubsub.mp.models.RetryOptions;
import io.webpubsub.mp.testing.FakeService;
import io.webpubsub.mp.testing.FakeService.Answer;

/** Retry over the wire: throttling, transient statuses, connection resets and refusals; sends never duplicated. */
class RetryTest {

    static final String KEY = WireFormatTest.KEY;

    FakeService service;
    WebPubSubHubClient client;

    @BeforeEach
    void start() throws Exception {
        service = new FakeService();
        client = builder(service.endpoint(), 3).buildClient();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    static WebPubSubClientBuilder builder(String endpoint, int retries) {
        return new WebPubSubClientBuilder().connectionString("Endpoint=" + endpoint + ";AccessKey=" + KEY).hub("chat")
                .retryOptions(new RetryOptions().setMaxRetries(retries).setDelay(Duration.ofMillis(1))
                        .setMaxDelay(Duration.ofSeconds(5)));
    }

    @Test
    void throttledSendIsRetriedHonouringRetryAfter() {
        service.then(Answer.status(429).header("Retry-After", "0"), Answer.status(202));
        client.sendToAll(Message.text("once"));
        assertEquals(2, service.requests().size());
        assertEquals("once", service.requests().get(1).bodyText());
    }

    @Test
    void retryAfterMsHeadersAreHonoured() {
        service.then(Answer.status(503).header("retry-after-ms", "1"),
                Answer.status(503).header("x-ms-retry-after-ms", "2"), Answer.status(202));
        client.sendToGroup("g", Message.text("x"));
        assertEquals(3, service.requests().size());
    }

    @Test
    void retryAfterLongerThanMaxDelayFailsAtOnceWithTheWait() {
        service.then(Answer.status(429).header("Retry-After", "120"));
        WebPubSubServiceException e = assertThrows(WebPubSubServiceException.class,
                () -> client.sendToAll(Message.text("x")));
        assertEquals(429, e.getStatusCode());
        assertEquals(Optional.of(Duration.ofSeconds(120)), e.getRetryAfter());
        assertEquals(1, service.requests().size());
    }

    @Test
    void idempotentOperationsAreRetriedOnTransientStatusesUpToMaxRetries() {
        service.then(Answer.status(500), Answer.status(502), Answer.status(504), Answer.status(408));
        WebPubSubServiceException e = assertThrows(WebPubSubServiceException.class,
                () -> client.addConnectionToGroup("g", "c"));
        assertEquals(408, e.getStatusCode());
        assertEquals(4, service.requests().size(), "1 attempt + 3 retries");
    }

    @Test
    void idempotentOperationSucceedsAfterTransientFailure() {
        service.then(Answer.status(503), Answer.status(200));
        assertTrue(client.groupExists("g"));
        assertEquals(2, service.requests().size());
    }

    @Test
    void sendIsNotRetriedWhenTheOutcomeIsUnknown() {
        for (int status : new int[] {500, 502, 504, 408}) {
            service.clear();
            service.then(Answer.status(status));
            WebPubSubDeliveryUnknownException e = assertThrows(WebPubSubDeliveryUnknownException.class,
                    () -> client.sendToUser("u", Message.text("x")));
            assertEquals(status, e.getStatusCode());
            assertEquals(1, service.requests().size());
            assertEquals("POST " + service.endpoint() + "/api/hubs/chat/users/u/:send?api-version=2024-12-01"
                    + " failed with status " + status + ". The message may have been delivered: a send is not"
                    + " retried after such a failure, to avoid duplicates.", e.getMessage());
        }
    }

    @Test
    void otherClientErrorsAreNotRetried() {
        service.then(Answer.status(400));
        assertThrows(WebPubSubServiceException.class, () -> client.removeUserFromAllGroups("u"));
        assertEquals(1, service.requests().size());
    }

    @Test
    void connectionResetDuringSendIsReportedAsMaybeDelivered() {
        service.then(Answer.connectionReset());
        WebPubSubDeliveryUnknownException e = assertThrows(WebPubSubDeliveryUnknownException.class,
                () -> client.sendToConnection("c", Message.text("x")));
        assertEquals(0, e.getStatusCode());
        assertTrue(e.getMessage().startsWith("POST " + service.endpoint()
                + "/api/hubs/chat/connections/c/:send failed without a response: "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" The message may have been delivered: a send is not retried after"
                + " such a failure, to avoid duplicates."), e.getMessage());
        assertEquals(1, service.requests().size());
    }

    @Test
    void connectionResetOfAnIdempotentCallIsRetried() {
        service.then(Answer.connectionReset(), Answer.status(204));
        client.closeConnection("c");
        assertTrue(service.requests().size() >= 2, "retried after the reset");
        assertTrue(service.requests().stream().allMatch(r -> r.method().equals("DELETE")));
    }

    @Test
    void asyncClientRetriesToo() {
        service.then(Answer.status(429).header("Retry-After", "0"), Answer.status(503), Answer.status(202));
        builder(service.endpoint(), 3).buildAsyncClient().sendToAll(Message.text("x")).toCompletableFuture().join();
        assertEquals(3, service.requests().size());
    }

    @Test
    void asyncSendFailureCompletesWithMaybeDelivered() {
        service.then(Answer.status(500));
        CompletionException e = assertThrows(CompletionException.class, () -> builder(service.endpoint(), 3)
                .buildAsyncClient().sendToAll(Message.text("x")).toCompletableFuture().join());
        assertInstanceOf(WebPubSubDeliveryUnknownException.class, e.getCause());
    }

    @Test
    void maxRetriesZeroTurnsRetryOff() {
        service.then(Answer.status(503));
        WebPubSubHubClient noRetry = builder(service.endpoint(), 0).buildClient();
        assertEquals(503, assertThrows(WebPubSubServiceException.class,
                () -> noRetry.sendToAll(Message.text("x"))).getStatusCode());
        assertEquals(1, service.requests().size());
    }

    @Test
    void refusedConnectionMeansNotDeliveredSoSendsAreRetried() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Logger logger = Logger.getLogger("io.webpubsub.mp.http");
        java.util.List<String> retries = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage().startsWith("Retry ")) {
                    retries.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level before = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        try {
            WebPubSubServiceException e = assertThrows(WebPubSubServiceException.class,
                    () -> builder("http://127.0.0.1:" + port, 2).buildClient().sendToAll(Message.text("x")));
            assertFalse(e instanceof WebPubSubDeliveryUnknownException, e.getMessage());
            assertEquals(0, e.getStatusCode());
            assertTrue(e.getMessage().startsWith("POST http://127.0.0.1:" + port
                    + "/api/hubs/chat/:send failed without a response: "), e.getMessage());
            assertEquals(2, retries.size(), retries.toString());
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(before);
        }
    }
}
