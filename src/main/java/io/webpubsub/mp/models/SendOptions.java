package io.webpubsub.mp.models;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of a send: a {@link Filter} selecting the receiving connections, connection ids to exclude, and the
 * message time-to-live.
 *
 * <pre>{@code
 * chat.sendToAll(Message.json(notice), new SendOptions().setFilter(Filter.userId().ne("bot")));
 * }</pre>
 *
 * <p>Not every send supports every option (service API): {@code excluded} only for send-to-all and send-to-group,
 * {@code filter} for all but send-to-connection. Setting an unsupported option fails the call with an
 * {@link IllegalArgumentException} before anything is sent. The options are read when the call is made; changing
 * them afterwards does not affect it.
 *
 * @since 0.1.0
 */
public final class SendOptions {

    private Filter filter;
    private List<String> excluded = List.of();
    private Duration messageTtl;

    /** Creates options with nothing set: every connection of the target, no TTL. */
    public SendOptions() {
    }

    /**
     * Only connections matching the filter receive the message ({@code filter} query parameter).
     *
     * @param filter the filter, or null for none
     * @return these options
     */
    public SendOptions setFilter(Filter filter) {
        this.filter = filter;
        return this;
    }

    /**
     * Connection ids that do not receive the message ({@code excluded}, repeated; exact, case-sensitive).
     *
     * @param connectionIds the ids
     * @return these options
     * @throws NullPointerException if the array or an id is null
     */
    public SendOptions setExcluded(String... connectionIds) {
        this.excluded = List.copyOf(Arrays.asList(Objects.requireNonNull(connectionIds, "connectionIds")));
        return this;
    }

    /**
     * How long the service keeps the message for a client that has not consumed it
     * ({@code messageTtlSeconds}); whole seconds from 0 to 300, where 0 (the service default) means no expiry.
     *
     * @param ttl the time-to-live, or null for the service default
     * @return these options
     * @throws IllegalArgumentException if not a whole number of seconds between 0 and 300
     */
    public SendOptions setMessageTtl(Duration ttl) {
        if (ttl != null && (ttl.isNegative() || ttl.getSeconds() > 300 || ttl.getNano() != 0)) {
            throw new IllegalArgumentException(
                    "The 'messageTtl' must be a whole number of seconds from 0 to 300: " + ttl);
        }
        this.messageTtl = ttl;
        return this;
    }

    /**
     * The filter.
     *
     * @return the filter, or empty
     */
    public Optional<Filter> getFilter() {
        return Optional.ofNullable(filter);
    }

    /**
     * The excluded connection ids.
     *
     * @return the ids, unmodifiable, maybe empty
     */
    public List<String> getExcluded() {
        return excluded;
    }

    /**
     * The message time-to-live.
     *
     * @return the TTL, or empty for the service default
     */
    public Optional<Duration> getMessageTtl() {
        return Optional.ofNullable(messageTtl);
    }

    @Override
    public String toString() {
        return "SendOptions[filter=" + filter + ", excluded=" + excluded + ", messageTtl=" + messageTtl + "]";
    }
}
