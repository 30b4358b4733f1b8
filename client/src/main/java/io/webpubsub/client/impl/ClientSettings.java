package io.webpubsub.client.impl;

import io.webpubsub.client.WebPubSubProtocol;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** A client's validated settings (the builder documents each). */
public record ClientSettings(Supplier<CompletionStage<String>> credential, WebPubSubProtocol protocol,
        boolean autoReconnect, boolean autoRejoinGroups, Duration reconnectDelay, Duration reconnectMaxDelay,
        int maxReconnectAttempts, Duration recoveryTimeout, int maxSendRetries, Duration connectTimeout,
        int maxMessageSize, HttpClient httpClient, Executor eventExecutor) {

    /** The back-off before reconnect attempt {@code attempt} (1-based): doubling from the first delay, capped. */
    Duration reconnectDelay(int attempt) {
        long millis = reconnectDelay.toMillis();
        for (int i = 1; i < attempt && millis < reconnectMaxDelay.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, reconnectMaxDelay.toMillis()));
    }
}
