package io.webpubsub.bench.client;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.inject.Inject;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.models.Message;

/**
 * Our client as an application gets it: {@code @Inject @WebPubSubHub("bench")} on Weld SE, configured through
 * SmallRye Config ({@code azure.webpubsub.hubs.bench.connection-string} as a system property), RESTEasy MicroProfile
 * REST Client underneath. Discovery is on, as in an application; the bench's own bean is added explicitly.
 */
final class OursClient implements SendClient {
    private final SeContainer container;
    private final WebPubSubHubClient sync;
    private final WebPubSubHubAsyncClient async;

    /** The application bean holding the blocking client. */
    @ApplicationScoped
    public static class SyncApp {
        @Inject
        @WebPubSubHub(Hub.NAME)
        WebPubSubHubClient client;

        /** Through a method: the container hands out a client proxy whose own fields are empty. */
        public WebPubSubHubClient client() {
            return client;
        }
    }

    /** The application bean holding the asynchronous client. */
    @ApplicationScoped
    public static class AsyncApp {
        @Inject
        @WebPubSubHub(Hub.NAME)
        WebPubSubHubAsyncClient client;

        /** Through a method: the container hands out a client proxy whose own fields are empty. */
        public WebPubSubHubAsyncClient client() {
            return client;
        }
    }

    /** The hub the beans inject (an annotation value must be a constant). */
    static final class Hub {
        static final String NAME = "bench";
    }

    private OursClient(boolean async) {
        container = SeContainerInitializer.newInstance().addBeanClasses(async ? AsyncApp.class : SyncApp.class)
                .initialize();
        this.sync = async ? null : container.select(SyncApp.class).get().client();
        this.async = async ? container.select(AsyncApp.class).get().client() : null;
    }

    static SendClient create(boolean async, String connectionString, String hub) {
        if (!hub.equals(Hub.NAME)) {
            throw new IllegalArgumentException("the CDI bench beans inject hub '" + Hub.NAME + "'");
        }
        System.setProperty("azure.webpubsub.hubs." + hub + ".connection-string", connectionString);
        return new OursClient(async);
    }

    @Override
    public boolean async() {
        return async != null;
    }

    @Override
    public void send(String group, String text) {
        sync.sendToGroup(group, Message.text(text));
    }

    @Override
    public CompletableFuture<?> sendAsync(String group, String text) {
        return async.sendToGroup(group, Message.text(text)).toCompletableFuture();
    }

    @Override
    public void close() {
        container.close();
    }
}
