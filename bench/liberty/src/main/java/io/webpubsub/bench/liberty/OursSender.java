package io.webpubsub.bench.liberty;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.webpubsub.bench.client.SendClient;
import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.models.Message;

/**
 * Our client as a Liberty application gets it: injected, configured by MicroProfile Config, on Liberty's REST client.
 */
@ApplicationScoped
public class OursSender implements Supplier<SendClient> {

    @Inject
    @WebPubSubHub("bench")
    WebPubSubHubClient client;

    @Override
    public SendClient get() {
        WebPubSubHubClient hub = client;
        return new SendClient() {
            @Override
            public boolean async() {
                return false;
            }

            @Override
            public void send(String group, String text) {
                hub.sendToGroup(group, Message.text(text));
            }
        };
    }
}
