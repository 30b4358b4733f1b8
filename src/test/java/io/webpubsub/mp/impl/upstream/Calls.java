package io.webpubsub.mp.impl.upstream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.webpubsub.mp.events.ConnectEvent;
import io.webpubsub.mp.events.ConnectResponse;
import io.webpubsub.mp.events.UserEvent;
import io.webpubsub.mp.events.UserEventResponse;

/** Records what reached the test beans and lets each test decide what the handlers answer. */
@ApplicationScoped
public class Calls {

    private final List<Object> received = new CopyOnWriteArrayList<>();
    private volatile Function<ConnectEvent, ConnectResponse> onConnect;
    private volatile Function<UserEvent, UserEventResponse> onUserEvent;

    public Calls() {
        reset();
    }

    public List<Object> received() {
        return received;
    }

    public void reset() {
        received.clear();
        onConnect = e -> ConnectResponse.accept();
        onUserEvent = e -> UserEventResponse.noReply();
    }

    public void onConnect(Function<ConnectEvent, ConnectResponse> answer) {
        onConnect = answer;
    }

    public void onUserEvent(Function<UserEvent, UserEventResponse> answer) {
        onUserEvent = answer;
    }

    ConnectResponse connect(ConnectEvent event) {
        received.add(event);
        return onConnect.apply(event);
    }

    UserEventResponse userEvent(UserEvent event) {
        received.add(event);
        return onUserEvent.apply(event);
    }

    void notified(Object event) {
        received.add(event);
    }
}
