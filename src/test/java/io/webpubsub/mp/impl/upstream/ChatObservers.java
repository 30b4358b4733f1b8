package io.webpubsub.mp.impl.upstream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.events.ConnectedEvent;
import io.webpubsub.mp.events.DisconnectedEvent;
import io.webpubsub.mp.events.GroupJoinedEvent;
import io.webpubsub.mp.events.GroupLeftEvent;

/** What a user writes: observers of hub "chat"'s notifications. */
@ApplicationScoped
public class ChatObservers {

    @Inject
    Calls calls;

    void connected(@Observes @WebPubSubHub("chat") ConnectedEvent event) {
        calls.notified(event);
    }

    void disconnected(@Observes @WebPubSubHub("chat") DisconnectedEvent event) {
        calls.notified(event);
    }

    void joined(@Observes @WebPubSubHub("chat") GroupJoinedEvent event) {
        calls.notified(event);
    }

    void left(@Observes @WebPubSubHub("chat") GroupLeftEvent event) {
        calls.notified(event);
    }
}
