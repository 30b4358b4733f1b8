package io.webpubsub.mp.impl.upstream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.events.ConnectEvent;
import io.webpubsub.mp.events.ConnectHandler;
import io.webpubsub.mp.events.ConnectResponse;
import io.webpubsub.mp.events.UserEvent;
import io.webpubsub.mp.events.UserEventHandler;
import io.webpubsub.mp.events.UserEventResponse;

/** What a user writes: one bean handling the blocking events of hub "chat". */
@ApplicationScoped
@WebPubSubHub("chat")
public class ChatHandler implements ConnectHandler, UserEventHandler {

    @Inject
    Calls calls;

    @Override
    public ConnectResponse onConnect(ConnectEvent event) {
        return calls.connect(event);
    }

    @Override
    public UserEventResponse onUserEvent(UserEvent event) {
        return calls.userEvent(event);
    }
}
