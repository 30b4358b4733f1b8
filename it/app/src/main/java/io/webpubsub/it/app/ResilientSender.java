package io.webpubsub.it.app;

import io.webpubsub.mp.WebPubSubDeliveryUnknownException;
import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.models.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Sends to hub {@value #HUB} under MicroProfile Fault Tolerance, one method per annotation plus the pattern the
 * README recommends for sends. The it/ suites point that hub at a faulty local server; where the runtime has no
 * Fault Tolerance (Weld), the annotations do nothing.
 */
@ApplicationScoped
public class ResilientSender {

    /** The hub these sends go to. */
    public static final String HUB = "faulty";

    @Inject
    @WebPubSubHub(HUB)
    WebPubSubHubClient hub;

    @Inject
    @WebPubSubHub(HUB)
    WebPubSubHubAsyncClient hubAsync;

    /** Retried twice, but never after the library said the message may have been delivered. */
    @Retry(maxRetries = 2, delay = 50, jitter = 0, abortOn = WebPubSubDeliveryUnknownException.class)
    public String retried(String text) {
        return send(text);
    }

    /** Given up after 500 ms. */
    @Timeout(500)
    public String timed(String text) {
        return send(text);
    }

    /** Given up after 500 ms, on the asynchronous client: the stage fails at the deadline. */
    @Asynchronous
    @Timeout(500)
    public CompletionStage<String> timedAsync(String text) {
        return hubAsync.sendToAll(Message.text(text)).thenApply(sent -> "sent");
    }

    /** Opens after two failures in a row and stays open for a minute. */
    @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = 60_000)
    public String guarded(String text) {
        return send(text);
    }

    /** Answers {@code queued: <text>} when the send fails. */
    @Fallback(fallbackMethod = "queued")
    public String withFallback(String text) {
        return send(text);
    }

    /** The README's pattern: retry what surely was not delivered, bounded, guarded, else queue it. */
    @Retry(maxRetries = 2, delay = 50, jitter = 0, abortOn = WebPubSubDeliveryUnknownException.class)
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000)
    @Fallback(fallbackMethod = "queued", skipOn = WebPubSubDeliveryUnknownException.class)
    public String recommended(String text) {
        return send(text);
    }

    String queued(String text) {
        return "queued: " + text;
    }

    private String send(String text) {
        hub.sendToAll(Message.text(text));
        return "sent";
    }
}
