package io.webpubsub.mp.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the service says about the connection an event belongs to, taken from the CloudEvents headers of its
 * request ({@code ce-hub}, {@code ce-connectionId}, {@code ce-userId}, {@code ce-connectionState} …).
 *
 * <p>Immutable. Every event type carries one as {@code context()}.
 *
 * @since 0.1.0
 */
public final class ConnectionContext {

    private final String hub;
    private final String connectionId;
    private final String userId;
    private final String eventName;
    private final String eventType;
    private final String eventId;
    private final String source;
    private final Instant time;
    private final String subprotocol;
    private final String origin;
    private final Map<String, String> state;
    private final Map<String, String> metadata;
    private final String physicalConnectionId;
    private final String sessionId;

    private ConnectionContext(Builder b) {
        this.hub = Objects.requireNonNull(b.hub, "hub");
        this.connectionId = Objects.requireNonNull(b.connectionId, "connectionId");
        this.userId = b.userId;
        this.eventName = Objects.requireNonNull(b.eventName, "eventName");
        this.eventType = Objects.requireNonNull(b.eventType, "eventType");
        this.eventId = Objects.requireNonNull(b.eventId, "eventId");
        this.source = Objects.requireNonNull(b.source, "source");
        this.time = b.time;
        this.subprotocol = b.subprotocol;
        this.origin = b.origin;
        this.state = Map.copyOf(b.state);
        this.metadata = Map.copyOf(b.metadata);
        this.physicalConnectionId = b.physicalConnectionId;
        this.sessionId = b.sessionId;
    }

    /**
     * Starts building a context. Used by the library (and by tests that call handlers directly).
     *
     * @param hub the hub, as the application spells it in {@code @WebPubSubHub}
     * @param connectionId the connection id
     * @return a builder
     */
    public static Builder builder(String hub, String connectionId) {
        return new Builder(hub, connectionId);
    }

    /**
     * The hub, spelt as in the application's {@code @WebPubSubHub} qualifier (the service compares hub names
     * case-insensitively).
     *
     * @return the hub name
     */
    public String hub() {
        return hub;
    }

    /**
     * The connection id ({@code ce-connectionId}).
     *
     * @return the connection id
     */
    public String connectionId() {
        return connectionId;
    }

    /**
     * The user the connection is authenticated as ({@code ce-userId}); empty for anonymous connections.
     *
     * @return the user id, if any
     */
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    /**
     * The event name ({@code ce-eventName}): {@code connect}, {@code connected}, {@code disconnected}, the user
     * event's name ({@code message} for raw WebSocket frames), {@code joined} or {@code left}.
     *
     * @return the event name
     */
    public String eventName() {
        return eventName;
    }

    /**
     * The CloudEvents type ({@code ce-type}), e.g. {@code azure.webpubsub.user.message}.
     *
     * @return the event type
     */
    public String eventType() {
        return eventType;
    }

    /**
     * The CloudEvents id ({@code ce-id}). The service may deliver an event more than once (it retries on
     * failures); use the id with {@link #connectionId()} to recognise duplicates.
     *
     * @return the event id
     */
    public String eventId() {
        return eventId;
    }

    /**
     * The CloudEvents source ({@code ce-source}), e.g. {@code /hubs/chat/client/<connectionId>}.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * When the service raised the event ({@code ce-time}).
     *
     * @return the time, if the service sent one
     */
    public Optional<Instant> time() {
        return Optional.ofNullable(time);
    }

    /**
     * The subprotocol the connection uses ({@code ce-subprotocol}), e.g. {@code json.webpubsub.azure.v1} or
     * {@code mqtt}; empty for plain WebSocket clients and before {@code connect} selected one.
     *
     * @return the subprotocol, if any
     */
    public Optional<String> subprotocol() {
        return Optional.ofNullable(subprotocol);
    }

    /**
     * The host the request came from ({@code WebHook-Request-Origin}), e.g. {@code demo.webpubsub.azure.com}.
     *
     * @return the origin host, if sent
     */
    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }

    /**
     * The connection state that a handler set earlier with {@link ConnectResponse#withState(Map)} or
     * {@link UserEventResponse#withState(Map)}, decoded from {@code ce-connectionState} (base64 of a JSON
     * object, the convention of the official SDKs). Values that are not JSON strings are given as JSON text.
     *
     * @return the state; empty if none was set; unmodifiable
     */
    public Map<String, String> state() {
        return state;
    }

    /**
     * Per-message metadata ({@code x-webpubsub-metadata-<key>} headers), keys lower-cased.
     *
     * @return the metadata; empty if none; unmodifiable
     */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * The MQTT physical connection id ({@code ce-physicalConnectionId}), sent for MQTT connections only.
     *
     * @return the physical connection id, if any
     */
    public Optional<String> physicalConnectionId() {
        return Optional.ofNullable(physicalConnectionId);
    }

    /**
     * The MQTT session id ({@code ce-sessionId}), sent for MQTT connections on events after {@code connect}.
     *
     * @return the session id, if any
     */
    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /** Shows hub, connection, user and event; never the state or metadata values. */
    @Override
    public String toString() {
        return "ConnectionContext[hub=" + hub + ", connectionId=" + connectionId + ", userId=" + userId
                + ", event=" + eventName + ", id=" + eventId + "]";
    }

    /**
     * Builds a {@link ConnectionContext}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String hub;
        private final String connectionId;
        private String userId;
        private String eventName = "";
        private String eventType = "";
        private String eventId = "";
        private String source = "";
        private Instant time;
        private String subprotocol;
        private String origin;
        private Map<String, String> state = Map.of();
        private Map<String, String> metadata = Map.of();
        private String physicalConnectionId;
        private String sessionId;

        private Builder(String hub, String connectionId) {
            this.hub = hub;
            this.connectionId = connectionId;
        }

        /**
         * @param userId the user id, or null for none
         * @return this builder
         */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        /**
         * @param eventType the CloudEvents type
         * @param eventName the event name
         * @return this builder
         */
        public Builder event(String eventType, String eventName) {
            this.eventType = eventType;
            this.eventName = eventName;
            return this;
        }

        /**
         * @param eventId the CloudEvents id
         * @param source the CloudEvents source
         * @param time the event time, or null
         * @return this builder
         */
        public Builder cloudEvent(String eventId, String source, Instant time) {
            this.eventId = eventId;
            this.source = source;
            this.time = time;
            return this;
        }

        /**
         * @param subprotocol the subprotocol, or null
         * @return this builder
         */
        public Builder subprotocol(String subprotocol) {
            this.subprotocol = subprotocol;
            return this;
        }

        /**
         * @param origin the request origin host, or null
         * @return this builder
         */
        public Builder origin(String origin) {
            this.origin = origin;
            return this;
        }

        /**
         * @param state the decoded connection state
         * @return this builder
         */
        public Builder state(Map<String, String> state) {
            this.state = state;
            return this;
        }

        /**
         * @param metadata the message metadata
         * @return this builder
         */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata = metadata;
            return this;
        }

        /**
         * @param physicalConnectionId the MQTT physical connection id, or null
         * @param sessionId the MQTT session id, or null
         * @return this builder
         */
        public Builder mqtt(String physicalConnectionId, String sessionId) {
            this.physicalConnectionId = physicalConnectionId;
            this.sessionId = sessionId;
            return this;
        }

        /**
         * @return the context
         * @throws NullPointerException if a required value is null
         */
        public ConnectionContext build() {
            return new ConnectionContext(this);
        }
    }
}
