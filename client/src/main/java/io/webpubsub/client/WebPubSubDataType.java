package io.webpubsub.client;

/** How a message's payload is carried ({@code dataType} on the wire). */
public enum WebPubSubDataType {
    /** A UTF-8 string. */
    TEXT("text"),
    /** A JSON value. */
    JSON("json"),
    /** Bytes, base64-encoded on the wire. */
    BINARY("binary");

    private final String wireName;

    WebPubSubDataType(String wireName) {
        this.wireName = wireName;
    }

    /** The protocol's name for this type: {@code text}, {@code json} or {@code binary}. */
    public String wireName() {
        return wireName;
    }
}
