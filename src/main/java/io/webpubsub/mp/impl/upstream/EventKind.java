package io.webpubsub.mp.impl.upstream;

import io.webpubsub.mp.impl.config.Keys;

/** The events the endpoint understands, by {@code ce-type}. */
enum EventKind {
    CONNECT(Keys.SYSTEM_EVENT_TYPE_PREFIX + "connect"),
    CONNECTED(Keys.SYSTEM_EVENT_TYPE_PREFIX + "connected"),
    DISCONNECTED(Keys.SYSTEM_EVENT_TYPE_PREFIX + "disconnected"),
    // group presence (preview): the service does not document these type names; they follow the sys.<event> scheme
    JOINED(Keys.SYSTEM_EVENT_TYPE_PREFIX + "joined"),
    LEFT(Keys.SYSTEM_EVENT_TYPE_PREFIX + "left"),
    USER(Keys.USER_EVENT_TYPE_PREFIX);

    private final String type;

    EventKind(String type) {
        this.type = type;
    }

    /**
     * @throws UpstreamFailure 400 for a type the endpoint does not know
     */
    static EventKind of(String ceType) {
        for (EventKind kind : values()) {
            if (kind == USER ? ceType.startsWith(kind.type) && ceType.length() > kind.type.length()
                    : ceType.equals(kind.type)) {
                return kind;
            }
        }
        throw UpstreamFailure.badRequest("Unknown event type " + UpstreamFailure.echo(ceType)
                + " in header 'ce-type'");
    }

    /** Blocking events expect an answer that the handler decides; only they may set the connection state. */
    boolean blocking() {
        return this == CONNECT || this == USER;
    }

    String typePrefix() {
        return type;
    }
}
