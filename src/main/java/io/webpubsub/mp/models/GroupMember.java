package io.webpubsub.mp.models;

import java.util.Objects;
import java.util.Optional;

/**
 * A connection in a group, as listed by {@code listConnectionsInGroup}.
 *
 * @param connectionId the connection id
 * @param userId the user id of the connection, or null for an anonymous connection
 * @since 0.1.0
 */
public record GroupMember(String connectionId, String userId) {

    /**
     * Checks the components.
     *
     * @param connectionId the connection id
     * @param userId the user id, or null
     * @throws NullPointerException if {@code connectionId} is null
     */
    public GroupMember {
        Objects.requireNonNull(connectionId, "connectionId");
    }

    /**
     * The user id, if the connection has one.
     *
     * @return the user id, or empty for an anonymous connection
     */
    public Optional<String> user() {
        return Optional.ofNullable(userId);
    }
}
