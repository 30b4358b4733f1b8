package io.webpubsub.mp.models;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client access token grants: the user id, roles, groups joined on connect, lifetime and client protocol.
 *
 * <pre>{@code
 * String url = chat.getClientAccess(new ClientAccessOptions()
 *         .setUserId("alice")
 *         .setRoles("webpubsub.joinLeaveGroup.room-1", "webpubsub.sendToGroup.room-1")
 *         .setGroups("room-1")).url();
 * }</pre>
 *
 * <p>Roles are the service's role strings: {@code webpubsub.joinLeaveGroup}, {@code webpubsub.sendToGroup}, or
 * either followed by {@code .<group>}.
 *
 * @since 0.1.0
 */
public final class ClientAccessOptions {

    /** The default token lifetime: 60 minutes, as in every official SDK. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(60);

    private String userId;
    private List<String> roles = List.of();
    private List<String> groups = List.of();
    private Duration expiresAfter = DEFAULT_EXPIRY;
    private ClientProtocol protocol = ClientProtocol.DEFAULT;

    /** Creates options for an anonymous Web PubSub client with no roles or groups, valid 60 minutes. */
    public ClientAccessOptions() {
    }

    /**
     * The user the connection belongs to (token claim {@code sub}).
     *
     * @param userId the user id, or null for an anonymous connection
     * @return these options
     * @throws IllegalArgumentException if {@code userId} is empty
     */
    public ClientAccessOptions setUserId(String userId) {
        if (userId != null && userId.isEmpty()) {
            throw new IllegalArgumentException("The 'userId' is empty: use null for an anonymous connection");
        }
        this.userId = userId;
        return this;
    }

    /**
     * The roles of the connection (claim {@code role}).
     *
     * @param roles the roles
     * @return these options
     * @throws NullPointerException if the array or a role is null
     */
    public ClientAccessOptions setRoles(String... roles) {
        this.roles = List.copyOf(Arrays.asList(Objects.requireNonNull(roles, "roles")));
        return this;
    }

    /**
     * Groups the connection joins when it connects (claim {@code webpubsub.group}).
     *
     * @param groups the group names
     * @return these options
     * @throws NullPointerException if the array or a group is null
     */
    public ClientAccessOptions setGroups(String... groups) {
        this.groups = List.copyOf(Arrays.asList(Objects.requireNonNull(groups, "groups")));
        return this;
    }

    /**
     * How long the token is valid for connecting (claim {@code exp}); an established connection is not closed when
     * it expires. With Entra ID the service counts whole minutes, so the value is rounded up to a minute.
     *
     * @param expiresAfter the lifetime; default 60 minutes
     * @return these options
     * @throws IllegalArgumentException if not positive
     */
    public ClientAccessOptions setExpiresAfter(Duration expiresAfter) {
        Objects.requireNonNull(expiresAfter, "expiresAfter");
        if (expiresAfter.isZero() || expiresAfter.isNegative()) {
            throw new IllegalArgumentException("The 'expiresAfter' must be positive: " + expiresAfter);
        }
        this.expiresAfter = expiresAfter;
        return this;
    }

    /**
     * The kind of client, which selects the endpoint path and token audience.
     *
     * @param protocol the protocol; default {@link ClientProtocol#DEFAULT}
     * @return these options
     */
    public ClientAccessOptions setProtocol(ClientProtocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        return this;
    }

    /**
     * The user id.
     *
     * @return the user id, or empty for anonymous
     */
    public Optional<String> getUserId() {
        return Optional.ofNullable(userId);
    }

    /**
     * The roles.
     *
     * @return the roles, unmodifiable
     */
    public List<String> getRoles() {
        return roles;
    }

    /**
     * The groups joined on connect.
     *
     * @return the groups, unmodifiable
     */
    public List<String> getGroups() {
        return groups;
    }

    /**
     * The token lifetime.
     *
     * @return the lifetime
     */
    public Duration getExpiresAfter() {
        return expiresAfter;
    }

    /**
     * The client protocol.
     *
     * @return the protocol
     */
    public ClientProtocol getProtocol() {
        return protocol;
    }
}
