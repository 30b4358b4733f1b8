package io.webpubsub.it.app;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.events.ConnectEvent;
import io.webpubsub.mp.events.ConnectHandler;
import io.webpubsub.mp.events.ConnectResponse;
import io.webpubsub.mp.events.ConnectedEvent;
import io.webpubsub.mp.events.DisconnectedEvent;
import io.webpubsub.mp.events.EventData;
import io.webpubsub.mp.events.EventRejectedException;
import io.webpubsub.mp.events.GroupJoinedEvent;
import io.webpubsub.mp.events.GroupLeftEvent;
import io.webpubsub.mp.events.UserEvent;
import io.webpubsub.mp.events.UserEventHandler;
import io.webpubsub.mp.events.UserEventResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The chat hub's upstream side. Connect: the user named in the query ({@code ?user=alice&room=r1}) becomes the
 * connection's userId and joins group {@code room}; no user is refused with 401. User events: {@code echo}
 * replies with the same kind of data, prefixed for text; {@code silent} gets no reply. Connected,
 * disconnected, joined and left are recorded in the {@link EventLog}.
 */
@ApplicationScoped
@WebPubSubHub("chat")
public class ChatEvents implements ConnectHandler, UserEventHandler {

    @Inject
    EventLog log;

    @Override
    public ConnectResponse onConnect(ConnectEvent event) {
        String user = first(event, "user");
        if (user == null) {
            throw EventRejectedException.unauthorized("who are you?");
        }
        ConnectResponse response = ConnectResponse.accept().withUserId(user);
        String room = first(event, "room");
        return room == null ? response : response.withGroups(room);
    }

    private static String first(ConnectEvent event, String name) {
        List<String> values = event.query().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public UserEventResponse onUserEvent(UserEvent event) {
        log.add("message " + event.context().connectionId() + " " + event.name() + " "
                + event.context().userId().orElse("-"));
        if (!event.name().equals("echo")) {
            return UserEventResponse.noReply();
        }
        EventData data = event.data();
        return UserEventResponse.reply(data.type() == EventData.Type.TEXT
                ? EventData.text("echo: " + data.asText())
                : data);
    }

    void connected(@Observes @WebPubSubHub("chat") ConnectedEvent event) {
        log.add("connected " + event.context().connectionId() + " " + event.context().userId().orElse("-"));
    }

    void disconnected(@Observes @WebPubSubHub("chat") DisconnectedEvent event) {
        log.add("disconnected " + event.context().connectionId() + " " + event.context().userId().orElse("-")
                + " " + event.reason());
    }

    void joined(@Observes @WebPubSubHub("chat") GroupJoinedEvent event) {
        log.add("joined " + event.context().connectionId() + " " + event.group() + " "
                + event.context().userId().orElse("-"));
    }

    void left(@Observes @WebPubSubHub("chat") GroupLeftEvent event) {
        log.add("left " + event.context().connectionId() + " " + event.group() + " "
                + event.context().userId().orElse("-"));
    }
}
