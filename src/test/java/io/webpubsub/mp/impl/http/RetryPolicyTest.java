package io.webpubsub.mp.impl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;

import io.webpubsub.mp.WebPubSubDeliveryUnknownException;
import io.webpubsub.mp.WebPubSubServiceException;
import io.webpubsub.mp.models.RetryOptions;

class RetryPolicyTest {

    static final Call<Void> SEND = new Call<>("POST http://x/api/hubs/chat/:send", true, () -> null);
    static final Call<Void> PUT = new Call<>("PUT http://x/api/hubs/chat/users/u/groups/g", false, () -> null);

    static RetryPolicy policy(double random) {
        return new RetryPolicy(new RetryOptions(), () -> random);
    }

    static WebPubSubServiceException status(int status, Duration retryAfter) {
        return Exceptions.forStatus(status, null, null, "POST http://x", retryAfter);
    }

    @Test
    void backoffIsExponentialWithJitterAndCapped() {
        assertEquals(Duration.ofMillis(640), policy(0).backoff(0));
        assertEquals(Duration.ofMillis(800), policy(0.5).backoff(0));
        assertEquals(Duration.ofMillis(960), policy(1).backoff(0));
        assertEquals(Duration.ofMillis(1600), policy(0.5).backoff(1));
        assertEquals(Duration.ofMillis(3200), policy(0.5).backoff(2));
        assertEquals(Duration.ofSeconds(60), policy(0.5).backoff(10));
    }

    @Test
    void retryAfterHeadersInOrderOfPrecedence() {
        assertEquals(Duration.ofMillis(1500),
                RetryAfter.parse(Map.of("retry-after-ms", "1500", "Retry-After", "9")::get));
        assertEquals(Duration.ofMillis(20), RetryAfter.parse(Map.of("x-ms-retry-after-ms", "20")::get));
        assertEquals(Duration.ofSeconds(2), RetryAfter.parse(Map.of("Retry-After", "2")::get));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        Duration wait = RetryAfter.parse(Map.of("Retry-After", date)::get);
        assertEquals(true, wait.getSeconds() > 20 && wait.getSeconds() <= 30, wait.toString());
        assertNull(RetryAfter.parse(Map.of("Retry-After", "soon")::get));
        assertNull(RetryAfter.parse(Map.<String, String>of()::get));
    }

    @Test
    void decisions() {
        RetryPolicy p = policy(0.5);
        assertEquals(Duration.ofSeconds(2), p.decide(SEND, 0, status(429, Duration.ofSeconds(2))).delay());
        assertEquals(Duration.ofMillis(800), p.decide(SEND, 0, status(503, null)).delay());
        assertInstanceOf(WebPubSubDeliveryUnknownException.class, p.decide(SEND, 0, status(500, null)).failure());
        assertEquals(Duration.ofMillis(1600), p.decide(PUT, 1, status(500, null)).delay());
        assertEquals(500, ((WebPubSubServiceException) p.decide(PUT, 3, status(500, null)).failure()).getStatusCode());
        assertNull(p.decide(PUT, 0, status(400, null)).delay());
        assertNull(p.decide(PUT, 0, status(429, Duration.ofSeconds(61))).delay(), "longer than max-delay");

        assertEquals(Duration.ofMillis(800),
                p.decide(SEND, 0, new ProcessingException(new ConnectException("refused"))).delay());
        assertEquals(Duration.ofMillis(800),
                p.decide(SEND, 0, new ProcessingException(new UnknownHostException("x"))).delay());
        assertEquals(Duration.ofMillis(800),
                p.decide(SEND, 0, new ProcessingException(new SocketTimeoutException("Connect timed out"))).delay());
        RuntimeException readTimeout = p.decide(SEND, 0,
                new ProcessingException(new SocketTimeoutException("Read timed out"))).failure();
        assertInstanceOf(WebPubSubDeliveryUnknownException.class, readTimeout);
        assertEquals(Duration.ofMillis(800), p.decide(PUT, 0,
                new ProcessingException(new SocketTimeoutException("Read timed out"))).delay());
        WebPubSubServiceException notIo = (WebPubSubServiceException) p.decide(PUT, 0,
                new ProcessingException("cannot read JSON")).failure();
        assertEquals(0, notIo.getStatusCode());
        assertEquals("PUT http://x/api/hubs/chat/users/u/groups/g failed without a response:"
                + " jakarta.ws.rs.ProcessingException: cannot read JSON", notIo.getMessage());
        IllegalStateException other = new IllegalStateException("credential failed");
        assertSame(other, p.decide(PUT, 0, other).failure());
    }

    /** Stands for Apache HttpClient's ConnectTimeoutException, thrown before any byte of the request is written. */
    static final class ConnectTimeoutException extends java.io.InterruptedIOException {
        ConnectTimeoutException(String message) {
            super(message);
        }
    }

    @Test
    void aSendIsRetriedOnlyWhenItNeverLeft() {
        RetryPolicy p = policy(0.5);
        // no connection from the pool in time, or none could be opened: nothing was written
        assertEquals(Duration.ofMillis(800), p.decide(SEND, 0, new ProcessingException(
                new ConnectTimeoutException("Timeout waiting for connection from pool"))).delay());
        assertEquals(Duration.ofMillis(800), p.decide(SEND, 0, new ProcessingException(
                new java.net.NoRouteToHostException("No route to host"))).delay());
        // a stale pooled connection ends without a response after the request was written: it may have arrived
        for (java.io.IOException written : List.of(new java.io.IOException("The target server failed to respond"),
                new java.net.SocketException("Connection reset"), new java.net.SocketException("Broken pipe"))) {
            assertInstanceOf(WebPubSubDeliveryUnknownException.class,
                    p.decide(SEND, 0, new ProcessingException(written)).failure(), written.getMessage());
            assertEquals(Duration.ofMillis(800), p.decide(PUT, 0, new ProcessingException(written)).delay());
        }
    }

    @Test
    void maxRetriesZeroNeverRetries() {
        RetryPolicy off = new RetryPolicy(new RetryOptions().setMaxRetries(0), () -> 0.5);
        assertNull(off.decide(PUT, 0, status(503, null)).delay());
        assertNull(off.decide(SEND, 0, new ProcessingException(new ConnectException("refused"))).delay());
    }
}
