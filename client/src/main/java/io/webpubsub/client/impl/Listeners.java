package io.webpubsub.client.impl;

import io.webpubsub.client.WebPubSubClientListener;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A client's listeners, called one event at a time in the order the events happened, on the event executor and
 * never on the WebSocket's reader; a failing listener is logged and the others still run.
 */
final class Listeners {

    private final List<WebPubSubClientListener> listeners = new CopyOnWriteArrayList<>();
    private final SerialExecutor events;

    Listeners(Executor executor) {
        this.events = new SerialExecutor(executor);
    }

    void add(WebPubSubClientListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(WebPubSubClientListener listener) {
        listeners.remove(listener);
    }

    /** Calls every listener with the event. */
    void fire(Consumer<WebPubSubClientListener> event) {
        events.execute(() -> {
            for (WebPubSubClientListener listener : listeners) {
                try {
                    event.accept(listener);
                } catch (RuntimeException e) {
                    DefaultWebPubSubClient.LOG.log(System.Logger.Level.WARNING, "A WebPubSubClientListener failed", e);
                }
            }
        });
    }

    /** Runs a task once the listeners have seen every event fired before it. */
    void afterEvents(Runnable task) {
        events.execute(task);
    }
}
