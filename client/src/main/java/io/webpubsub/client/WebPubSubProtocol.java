package io.webpubsub.client;

/** The WebSocket subprotocol a client speaks. */
public enum WebPubSubProtocol {

    /**
     * {@code json.reliable.webpubsub.azure.v1} (the default): sequence ids, acknowledged delivery and recovery of the
     * same connection after a network drop, without losing or repeating messages.
     */
    JSON_RELIABLE("json.reliable.webpubsub.azure.v1"),

    /** {@code json.webpubsub.azure.v1}: messages sent while the connection is down are lost; no recovery. */
    JSON("json.webpubsub.azure.v1");

    private final String subprotocol;

    WebPubSubProtocol(String subprotocol) {
        this.subprotocol = subprotocol;
    }

    /** The subprotocol name offered in {@code Sec-WebSocket-Protocol}. */
    public String subprotocol() {
        return subprotocol;
    }

    /** Whether the protocol carries sequence ids and supports recovery. */
    public boolean isReliable() {
        return this == JSON_RELIABLE;
    }
}
