package io.webpubsub.bench.quarkus;

import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Unremovable;
import io.webpubsub.bench.client.SendClient;
import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.models.Message;

/**
 * Our clients as a Quarkus application gets them: injected, configured by
 * {@code azure.webpubsub.hubs.bench.connection-string}, on the Quarkus REST client. {@code apply(0)} is the blocking
 * client, {@code apply(1)} the asynchronous one.
 */
@ApplicationScoped
@Unremovable
public class OursClients implements IntFunction<SendClient> {

    @Inject
    @WebPubSubHub("bench")
    WebPubSubHubClient sync;

    @Inject
    @WebPubSubHub("bench")
    WebPubSubHubAsyncClient async;

    @Override
    public SendClient apply(int asynchronous) {
        WebPubSubHubClient blocking = sync;
        WebPubSubHubAsyncClient nonBlocking = async;
        return new SendClient() {
            @Override
            public boolean async() {
                return asynchronous == 1;
            }

            @Override
            public void send(String group, String text) {
                blocking.sendToGroup(group, Message.text(text));
            }

            @Override
            public CompletableFuture<?> sendAsync(String group, String text) {
                return nonBlocking.sendToGroup(group, Message.text(text)).toCompletableFuture();
            }
        };
    }
}
