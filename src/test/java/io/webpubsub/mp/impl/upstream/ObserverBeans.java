package io.webpubsub.mp.impl.upstream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.events.ConnectedEvent;
import io.webpubsub.mp.events.DisconnectedEvent;

/** Observers of several kinds: asynchronous, for every hub, and one that fails. */
@ApplicationScoped
public class ObserverBeans {

    private final LinkedBlockingQueue<String> async = new LinkedBlockingQueue<>();
    private final List<String> anyHub = new CopyOnWriteArrayList<>();

    public LinkedBlockingQueue<String> async() {
        return async;
    }

    public List<String> anyHub() {
        return anyHub;
    }

    void later(@ObservesAsync @WebPubSubHub("chat") ConnectedEvent event) {
        async.add(Thread.currentThread().getName() + " " + event.context().connectionId());
    }

    void everyHub(@Observes ConnectedEvent event) {
        anyHub.add(event.context().hub());
    }

    void failing(@Observes @WebPubSubHub("chat") DisconnectedEvent event) {
        throw new IllegalStateException("observer broke");
    }

    void notify(@Observes @WebPubSubHub("notify") ConnectedEvent event) {
        anyHub.add("notify-only");
    }
}
