package io.webpubsub.examples.chat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.events.ConnectEvent;
import io.webpubsub.mp.events.ConnectHandler;
import io.webpubsub.mp.events.ConnectResponse;
import io.webpubsub.mp.events.ConnectedEvent;
import io.webpubsub.mp.events.ConnectionContext;
import io.webpubsub.mp.events.DisconnectedEvent;
import io.webpubsub.mp.events.EventData;
import io.webpubsub.mp.events.EventRejectedException;
import io.webpubsub.mp.events.UserEvent;
import io.webpubsub.mp.events.UserEventHandler;
import io.webpubsub.mp.events.UserEventResponse;
import io.webpubsub.mp.models.ListConnectionsOptions;
import io.webpubsub.mp.models.Message;

/**
 * What the service tells the app about connections of the hub "chat": who may connect (and into which room),
 * presence, and the {@code /who} command. The service calls the library's upstream endpoint; the library checks
 * each call and hands it to these methods.
 */
@ApplicationScoped
@WebPubSubHub("chat")
public class ChatEvents implements ConnectHandler, UserEventHandler {

    private static final String SEND_ROLE = "webpubsub.sendToGroup.";
    private static final String ROOM = "room";

    @Inject
    @WebPubSubHub("chat")
    WebPubSubHubClient chat;

    @Inject
    Jsonb json;

    /**
     * Accepts connections whose access token was minted by {@link ChatApi#negotiate}: the user is the token's
     * subject, the room is the one group the token may send to. The room is kept in the connection state, so later
     * events of the connection know it.
     */
    @Override
    public ConnectResponse onConnect(ConnectEvent event) {
        String user = first(event.claims().get("sub")).filter(Rooms::validName)
                .orElseThrow(() -> EventRejectedException.unauthorized("Join through the chat page"));
        String room = event.claims().getOrDefault("role", List.of()).stream()
                .filter(role -> role.startsWith(SEND_ROLE))
                .map(role -> Rooms.room(role.substring(SEND_ROLE.length())))
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> EventRejectedException.forbidden("The access token opens no room"));
        return ConnectResponse.accept()
                .withUserId(user)
                .withGroups(Rooms.group(room))
                .withState(Map.of(ROOM, room));
    }

    void connected(@Observes @WebPubSubHub("chat") ConnectedEvent event) {
        announce(event.context(), ChatMessages.Presence::joined);
    }

    void disconnected(@Observes @WebPubSubHub("chat") DisconnectedEvent event) {
        announce(event.context(), ChatMessages.Presence::left);
    }

    /** {@code /who}: answers the asking connection with the users in its room. */
    @Override
    public UserEventResponse onUserEvent(UserEvent event) {
        if (!event.name().equals("who")) {
            throw EventRejectedException.badRequest("Unknown command '" + event.name() + "'");
        }
        String room = room(event.context());
        List<String> users = chat.listConnectionsInGroup(Rooms.group(room), new ListConnectionsOptions())
                .map(member -> member.user().orElse("(anonymous)"))
                .distinct()
                .sorted()
                .toList();
        return UserEventResponse.reply(EventData.json(json.toJson(new ChatMessages.Who(room, users))));
    }

    private void announce(ConnectionContext connection, Function<String, Object> presence) {
        String user = connection.userId().orElse("(anonymous)");
        chat.sendToGroup(Rooms.group(room(connection)), Message.json(presence.apply(user)));
    }

    private static String room(ConnectionContext connection) {
        String room = connection.state().get(ROOM);
        if (room == null) {
            throw EventRejectedException.badRequest("The connection has no room");
        }
        return room;
    }

    private static Optional<String> first(List<String> values) {
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }
}
