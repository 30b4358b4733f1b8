package io.webpubsub.bench.client;

import java.util.concurrent.CompletableFuture;

import com.azure.messaging.webpubsub.WebPubSubServiceAsyncClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;

/** The official {@code com.azure:azure-messaging-webpubsub:1.4.0}, built as its README shows, default HTTP stack. */
final class SdkClient implements SendClient {
    private final WebPubSubServiceClient sync;
    private final WebPubSubServiceAsyncClient async;

    SdkClient(boolean async, String connectionString, String hub) {
        WebPubSubServiceClientBuilder builder = new WebPubSubServiceClientBuilder()
                .connectionString(connectionString).hub(hub);
        this.sync = async ? null : builder.buildClient();
        this.async = async ? builder.buildAsyncClient() : null;
    }

    static SendClient create(boolean async, String connectionString, String hub) {
        return new SdkClient(async, connectionString, hub);
    }

    @Override
    public boolean async() {
        return async != null;
    }

    @Override
    public void send(String group, String text) {
        sync.sendToGroup(group, text, WebPubSubContentType.TEXT_PLAIN);
    }

    @Override
    public CompletableFuture<?> sendAsync(String group, String text) {
        return async.sendToGroup(group, text, WebPubSubContentType.TEXT_PLAIN).toFuture();
    }
}
