package io.webpubsub.mp.events;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of a {@link UserEventHandler}: nothing, or a reply that the service sends to the calling connection,
 * optionally with a new connection state. To refuse the event, throw {@link EventRejectedException}.
 * <pre>{@code
 * return UserEventResponse.reply(EventData.json("{\"ok\":true}"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class UserEventResponse {

    private static final UserEventResponse NO_REPLY = new UserEventResponse(null, null);

    private final EventData reply;
    private final Map<String, String> state;

    private UserEventResponse(EventData reply, Map<String, String> state) {
        this.reply = reply;
        this.state = state;
    }

    /**
     * Sends nothing back (HTTP 204 to the service).
     *
     * @return the response
     */
    public static UserEventResponse noReply() {
        return NO_REPLY;
    }

    /**
     * Sends this data back to the connection that raised the event, typed by its {@link EventData.Type}
     * ({@code text}, {@code json} or {@code binary}).
     *
     * @param data the reply
     * @return the response
     * @throws IllegalArgumentException if the data is {@link EventData.Type#PROTOBUF}, which the service cannot
     *         send back
     */
    public static UserEventResponse reply(EventData data) {
        if (Objects.requireNonNull(data, "data").type() == EventData.Type.PROTOBUF) {
            throw new IllegalArgumentException("A reply must be text, JSON or binary, not protobuf");
        }
        return new UserEventResponse(data, null);
    }

    /**
     * Sets the connection state, replacing the previous one; an empty map clears it. See
     * {@link ConnectResponse#withState(Map)}.
     *
     * @param state key to value
     * @return a new response
     */
    public UserEventResponse withState(Map<String, String> state) {
        return new UserEventResponse(reply, Map.copyOf(state));
    }

    /**
     * @return the reply; empty for none
     */
    public Optional<EventData> reply() {
        return Optional.ofNullable(reply);
    }

    /**
     * @return the new connection state; empty to keep it
     */
    public Optional<Map<String, String>> state() {
        return Optional.ofNullable(state);
    }

    /** Shows the reply's type and size and the state's keys. */
    @Override
    public String toString() {
        return "UserEventResponse[reply=" + reply + ", state=" + (state == null ? null : state.keySet()) + "]";
    }
}
