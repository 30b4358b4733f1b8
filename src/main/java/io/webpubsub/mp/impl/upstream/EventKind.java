package io.webpubsub.mp.impl.upstream;

/** The events the endpoint understands, by {@code ce-type}. */
enum EventKind {
    CONNECT("azure.webpubsub.sys.connect"),
    CONNECTED("azure.webpubsub.sys.connected"),
    DISCONNECTED("azure.webpubsub.sys.disconnected"),
    // group presence (preview): the service does not document these type names; they follow the sys.<event> scheme
    JOINED("azure.webpubsub.sys.joined"),
    LEFT("azure.webpubsub.sys.left"),
    USER("azure.webpubsub.user.");

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
