package io.webpubsub.mp.models;

/**
 * The kind of client a client access URL is for; each has its own endpoint path.
 *
 * @since 0.1.0
 */
public enum ClientProtocol {

    /** Web PubSub WebSocket clients: {@code wss://<host>/client/hubs/<hub>}. */
    DEFAULT("/client/hubs/", "Default"),
    /** MQTT over WebSocket: {@code wss://<host>/clients/mqtt/hubs/<hub>}. */
    MQTT("/clients/mqtt/hubs/", "MQTT"),
    /**
     * Web PubSub for Socket.IO: {@code https://<host>/clients/socketio/hubs/<hub>}; Socket.IO clients connect to
     * the host with that value as their {@code path} option.
     */
    SOCKETIO("/clients/socketio/hubs/", "Default");

    private final String pathPrefix;
    private final String clientType;

    ClientProtocol(String pathPrefix, String clientType) {
        this.pathPrefix = pathPrefix;
        this.clientType = clientType;
    }

    /**
     * The path of the client endpoint before the hub name.
     *
     * @return e.g. {@code /client/hubs/}
     */
    public String pathPrefix() {
        return pathPrefix;
    }

    /**
     * The {@code clientType} sent to {@code :generateToken} (the service knows {@code Default} and {@code MQTT};
     * Socket.IO uses {@code Default}).
     *
     * @return the client type
     */
    public String clientType() {
        return clientType;
    }
}
