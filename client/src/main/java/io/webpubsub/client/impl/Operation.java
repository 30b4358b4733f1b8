package io.webpubsub.client.impl;

import io.webpubsub.client.WebPubSubResult;
import java.util.concurrent.CompletableFuture;

/** A request waiting to be written or acknowledged. Mutable fields are guarded by the client's lock. */
final class Operation {

    /** The ack id, or {@code null} for fire-and-forget. */
    final Long ackId;
    /** The frame, the same on every attempt (the service de-duplicates by ack id). */
    final String frame;
    /** Runs under the client's lock once the service acknowledged success (e.g. remember a joined group). */
    final Runnable onSuccess;
    final CompletableFuture<WebPubSubResult> result = new CompletableFuture<>();
    /** How often it was written. */
    int attempts;

    Operation(Long ackId, String frame, Runnable onSuccess) {
        this.ackId = ackId;
        this.frame = frame;
        this.onSuccess = onSuccess;
    }
}
