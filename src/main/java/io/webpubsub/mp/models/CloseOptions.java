package io.webpubsub.mp.models;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of the close operations: the reason the clients are told and connection ids to keep open.
 *
 * <p>{@code excluded} applies to closing all connections, a group's or a user's connections, not to closing one
 * connection; setting it there fails the call with an {@link IllegalArgumentException}.
 *
 * @since 0.1.0
 */
public final class CloseOptions {

    private String reason;
    private List<String> excluded = List.of();

    /** Creates options with no reason and no exclusions. */
    public CloseOptions() {
    }

    /**
     * The reason sent to the clients in their {@code disconnected} message ({@code reason}).
     *
     * @param reason the reason, or null for the service's default
     * @return these options
     */
    public CloseOptions setReason(String reason) {
        this.reason = reason;
        return this;
    }

    /**
     * Connection ids to keep open ({@code excluded}, repeated).
     *
     * @param connectionIds the ids
     * @return these options
     * @throws NullPointerException if the array or an id is null
     */
    public CloseOptions setExcluded(String... connectionIds) {
        this.excluded = List.copyOf(Arrays.asList(Objects.requireNonNull(connectionIds, "connectionIds")));
        return this;
    }

    /**
     * The reason.
     *
     * @return the reason, or empty
     */
    public Optional<String> getReason() {
        return Optional.ofNullable(reason);
    }

    /**
     * The connections kept open.
     *
     * @return the ids, unmodifiable
     */
    public List<String> getExcluded() {
        return excluded;
    }
}
