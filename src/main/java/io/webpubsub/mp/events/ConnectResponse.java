package io.webpubsub.mp.events;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of a {@link ConnectHandler}: the connection is accepted, optionally as another user, in groups, with
 * roles, a subprotocol and a connection state. To refuse the connection, throw {@link EventRejectedException}.
 *
 * <p>Immutable: each {@code with…} method returns a new response. What is not set keeps the value of the client's
 * access token:
 * <pre>{@code
 * return ConnectResponse.accept()
 *         .withUserId("alice")
 *         .withGroups("lobby")
 *         .withRoles("webpubsub.sendToGroup.lobby")
 *         .withState(Map.of("nick", "Al"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ConnectResponse {

    private static final ConnectResponse ACCEPT = new ConnectResponse(null, null, null, null, null, null);

    private final String userId;
    private final List<String> groups;
    private final List<String> roles;
    private final String subprotocol;
    private final Map<String, String> state;
    private final List<MqttUserProperty> mqttUserProperties;

    private ConnectResponse(String userId, List<String> groups, List<String> roles, String subprotocol,
            Map<String, String> state, List<MqttUserProperty> mqttUserProperties) {
        this.userId = userId;
        this.groups = groups;
        this.roles = roles;
        this.subprotocol = subprotocol;
        this.state = state;
        this.mqttUserProperties = mqttUserProperties;
    }

    /**
     * Accepts the connection with the values of the client's access token (HTTP 204 to the service).
     *
     * @return the response
     */
    public static ConnectResponse accept() {
        return ACCEPT;
    }

    /**
     * Connects the client as this user, replacing the token's {@code sub}.
     *
     * @param userId the user id (may be empty, which makes the connection anonymous)
     * @return a new response
     * @throws NullPointerException if {@code userId} is null
     */
    public ConnectResponse withUserId(String userId) {
        return new ConnectResponse(Objects.requireNonNull(userId, "userId"), groups, roles, subprotocol, state,
                mqttUserProperties);
    }

    /**
     * Joins the connection to these groups, replacing the token's groups. The service ignores an empty list
     * (the token's groups stay).
     *
     * @param groups group names: not blank, at most 1024 characters
     * @return a new response
     * @throws NullPointerException if a group is null
     */
    public ConnectResponse withGroups(Collection<String> groups) {
        return new ConnectResponse(userId, List.copyOf(groups), roles, subprotocol, state, mqttUserProperties);
    }

    /**
     * Same as {@link #withGroups(Collection)}.
     *
     * @param groups group names
     * @return a new response
     */
    public ConnectResponse withGroups(String... groups) {
        return withGroups(Arrays.asList(groups));
    }

    /**
     * Grants these roles (e.g. {@code webpubsub.joinLeaveGroup}, {@code webpubsub.sendToGroup.<group>}),
     * replacing the token's roles; an empty list removes them all.
     *
     * @param roles the roles
     * @return a new response
     * @throws NullPointerException if a role is null
     */
    public ConnectResponse withRoles(Collection<String> roles) {
        return new ConnectResponse(userId, groups, List.copyOf(roles), subprotocol, state, mqttUserProperties);
    }

    /**
     * Same as {@link #withRoles(Collection)}.
     *
     * @param roles the roles
     * @return a new response
     */
    public ConnectResponse withRoles(String... roles) {
        return withRoles(Arrays.asList(roles));
    }

    /**
     * Selects the subprotocol; it must be one of {@link ConnectEvent#subprotocols()}, otherwise the library answers
     * the service with 500 and the connection fails. Not set: no subprotocol.
     *
     * @param subprotocol the subprotocol
     * @return a new response
     * @throws IllegalArgumentException if {@code subprotocol} is empty
     */
    public ConnectResponse withSubprotocol(String subprotocol) {
        if (Objects.requireNonNull(subprotocol, "subprotocol").isEmpty()) {
            throw new IllegalArgumentException("The subprotocol must not be empty; do not set one to use none");
        }
        return new ConnectResponse(userId, groups, roles, subprotocol, state, mqttUserProperties);
    }

    /**
     * Sets the connection state, replacing the whole previous state; the service sends it back with every later
     * event of the connection ({@link ConnectionContext#state()}). Sent as {@code ce-connectionState}: base64 of a
     * JSON object. An empty map clears the state.
     *
     * @param state key to value
     * @return a new response
     * @throws NullPointerException if a key or value is null
     */
    public ConnectResponse withState(Map<String, String> state) {
        return new ConnectResponse(userId, groups, roles, subprotocol, Map.copyOf(state), mqttUserProperties);
    }

    /**
     * User properties for the MQTT CONNACK packet (MQTT 5 clients only).
     *
     * @param properties the properties
     * @return a new response
     */
    public ConnectResponse withMqttUserProperties(List<MqttUserProperty> properties) {
        return new ConnectResponse(userId, groups, roles, subprotocol, state, List.copyOf(properties));
    }

    /**
     * @return the user id to connect as; empty to keep the token's
     */
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    /**
     * @return the groups to join; empty to keep the token's
     */
    public Optional<List<String>> groups() {
        return Optional.ofNullable(groups);
    }

    /**
     * @return the roles to grant; empty to keep the token's
     */
    public Optional<List<String>> roles() {
        return Optional.ofNullable(roles);
    }

    /**
     * @return the selected subprotocol; empty for none
     */
    public Optional<String> subprotocol() {
        return Optional.ofNullable(subprotocol);
    }

    /**
     * @return the new connection state; empty to leave it unset
     */
    public Optional<Map<String, String>> state() {
        return Optional.ofNullable(state);
    }

    /**
     * @return the MQTT CONNACK user properties; empty if none
     */
    public Optional<List<MqttUserProperty>> mqttUserProperties() {
        return Optional.ofNullable(mqttUserProperties);
    }

    /** Shows what is set; never the state's values. */
    @Override
    public String toString() {
        return "ConnectResponse[userId=" + userId + ", groups=" + groups + ", roles=" + roles + ", subprotocol="
                + subprotocol + ", state=" + (state == null ? null : state.keySet()) + "]";
    }
}
