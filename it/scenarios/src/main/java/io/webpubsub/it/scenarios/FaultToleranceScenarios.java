package io.webpubsub.it.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Fault Tolerance around the hub client, as the README documents it: the app's {@code ResilientSender}
 * sends to hub {@code faulty}, which is served by the {@link FaultyService} of this JVM; the library itself retries
 * once (10 ms), so every figure below is (Fault Tolerance attempts) × (library attempts).
 */
public interface FaultToleranceScenarios extends Deployed {

    /** The hub the app's ResilientSender sends to. */
    String HUB = "faulty";
    String SEND = "POST /api/hubs/" + HUB + "/:send?api-version=2024-12-01";

    /** Hub faulty on the faulty service, with one library retry after 10 ms and a 5 s read timeout. */
    static Map<String, String> hubProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("azure.webpubsub.hubs." + HUB + ".connection-string", FaultyService.current().connectionString());
        p.put("azure.webpubsub.hubs." + HUB + ".retry.max-retries", "1");
        p.put("azure.webpubsub.hubs." + HUB + ".retry.delay", "10ms");
        p.put("azure.webpubsub.hubs." + HUB + ".read-timeout", "5s");
        return p;
    }

    private FaultyService faulty() {
        FaultyService service = FaultyService.current();
        service.reset();
        return service;
    }

    private String send(String method, String text) {
        return app().call("POST", "resilience/" + method, "text/plain", text.getBytes(StandardCharsets.UTF_8)).ok();
    }

    private static void assertSends(int expected, FaultyService service) {
        assertEquals(expected, service.requests().size(), service.requests().toString());
        service.requests().forEach(r -> assertTrue(r.startsWith(SEND), r));
    }

    @Test
    default void retryRunsTheLibrarysAttemptsPerFaultToleranceAttempt() {
        FaultyService service = faulty().then(FaultyService.Fault.status(503), 10);
        assertEquals("failed: WebPubSubServiceException 503", send("retried", "a"));
        assertSends(3 * 2, service);

        service = faulty().then(FaultyService.Fault.status(503), 1);
        assertEquals("sent", send("retried", "b"));
        assertSends(2, service); // the library's own retry absorbed the 503
    }

    @Test
    default void retryAbortsOnDeliveryUnknownSoNothingIsSentTwice() {
        FaultyService service = faulty().then(FaultyService.Fault.status(500), 10);
        assertEquals("failed: WebPubSubDeliveryUnknownException 500", send("retried", "a"));
        assertSends(1, service);

        service = faulty().then(FaultyService.Fault.reset(), 10);
        assertEquals("failed: WebPubSubDeliveryUnknownException 0", send("retried", "b"));
        assertSends(1, service);
    }

    @Test
    default void timeoutGivesUpOnAHangingService() {
        FaultyService service = faulty().then(FaultyService.Fault.hang(), 10);
        long start = System.nanoTime();
        assertEquals("failed: TimeoutException", send("timed", "a"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertSends(1, service);
        // the blocking client answers at the deadline only where the REST client's read reacts to the interrupt
        System.out.println("[fault tolerance] @Timeout(500) on the blocking client against a hanging service answered"
                + " after " + tookMs + " ms (hub read-timeout 5 s)");
        service.reset();
    }

    @Test
    default void timeoutOnTheAsyncClientFailsAtTheDeadline() {
        FaultyService service = faulty().then(FaultyService.Fault.hang(), 10);
        long start = System.nanoTime();
        assertEquals("failed: TimeoutException", send("timedAsync", "a"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertSends(1, service);
        System.out.println("[fault tolerance] @Asynchronous @Timeout(500) on the async client answered after " + tookMs
                + " ms");
        assertTrue(tookMs < 4_000, "the stage failed only after " + tookMs + " ms, the read timeout is 5 s");
        service.reset();
    }

    @Test
    default void circuitBreakerOpensAndThenKeepsCallsFromTheService() {
        FaultyService service = faulty().then(FaultyService.Fault.status(500), 10);
        assertEquals("failed: WebPubSubDeliveryUnknownException 500", send("guarded", "a"));
        assertEquals("failed: WebPubSubDeliveryUnknownException 500", send("guarded", "b"));
        assertEquals("failed: CircuitBreakerOpenException", send("guarded", "c"));
        assertSends(2, service);
    }

    @Test
    default void fallbackAnswersWhenTheSendFails() {
        FaultyService service = faulty().then(FaultyService.Fault.status(503), 10);
        assertEquals("queued: a", send("withFallback", "a"));
        assertSends(2, service);
    }

    @Test
    default void theRecommendedPatternRetriesWhatWasNotDeliveredAndNeverWhatMayHaveBeen() {
        FaultyService service = faulty().then(FaultyService.Fault.status(503), 2).then(FaultyService.Fault
                .status(429), 2);
        assertEquals("sent", send("recommended", "a"));
        assertSends(5, service);

        service = faulty().then(FaultyService.Fault.status(503), 10);
        assertEquals("queued: b", send("recommended", "b"));
        assertSends(3 * 2, service);

        service = faulty().then(FaultyService.Fault.reset(), 10);
        assertEquals("failed: WebPubSubDeliveryUnknownException 0", send("recommended", "c"));
        assertSends(1, service);
    }
}
