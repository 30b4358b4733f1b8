package io.webpubsub.client.impl;

import io.webpubsub.client.WebPubSubClient;
import io.webpubsub.client.WebPubSubProtocol;
import io.webpubsub.client.spi.WebPubSubClientProvider;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** The client library's {@link WebPubSubClientProvider}: the builder's checked options become a client. */
public final class ClientProvider extends WebPubSubClientProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public ClientProvider() {
    }

    @Override
    @SuppressWarnings("unchecked")
    public WebPubSubClient create(Map<String, Object> o) {
        return new DefaultWebPubSubClient(new ClientSettings((Supplier<CompletionStage<String>>) o.get("credential"),
                (WebPubSubProtocol) o.get("protocol"), (Boolean) o.get("autoReconnect"),
                (Boolean) o.get("autoRejoinGroups"), (Duration) o.get("reconnectDelay"),
                (Duration) o.get("reconnectMaxDelay"), (Integer) o.get("maxReconnectAttempts"),
                (Duration) o.get("recoveryTimeout"), (Integer) o.get("maxSendRetries"),
                (Duration) o.get("connectTimeout"), (Integer) o.get("maxMessageSize"),
                (HttpClient) o.get("httpClient"), (Executor) o.get("eventExecutor")));
    }
}
