package io.webpubsub.mp;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The access key of a Web PubSub resource, rotatable at run time.
 *
 * <p>Tokens minted after {@link #update(String)} use the new key; tokens cached for the old key are not reused.
 * {@link #toString()} never shows the key.
 *
 * <pre>{@code
 * WebPubSubKeyCredential key = new WebPubSubKeyCredential(System.getenv("WPS_KEY"));
 * WebPubSubHubClient chat = new WebPubSubClientBuilder().endpoint(url).credential(key).hub("chat").buildClient();
 * key.update(newKey);   // after rotating the key in the portal
 * }</pre>
 *
 * @since 0.1.0
 */
public final class WebPubSubKeyCredential {

    private static final int MIN_KEY_BYTES = 32;

    private final AtomicReference<String> key;

    /**
     * Creates the credential.
     *
     * @param key the access key (used as the UTF-8 bytes of the string to sign HS256 tokens)
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if {@code key} is blank or shorter than 32 UTF-8 bytes (HS256 needs 256 bits;
     *         the keys the service issues are longer)
     */
    public WebPubSubKeyCredential(String key) {
        this.key = new AtomicReference<>(check(key));
    }

    /**
     * Replaces the key atomically; safe to call while requests are in flight.
     *
     * @param newKey the new access key
     * @return this credential
     * @throws NullPointerException if {@code newKey} is null
     * @throws IllegalArgumentException if {@code newKey} is blank or shorter than 32 UTF-8 bytes
     */
    public WebPubSubKeyCredential update(String newKey) {
        key.set(check(newKey));
        return this;
    }

    /**
     * The current key, as the library reads it to sign tokens and check event signatures. <b>A secret</b>: never log
     * it or put it in a message; the library never does.
     *
     * @return the current access key
     */
    public String getKey() {
        return key.get();
    }

    private static String check(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("The access key is blank");
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("The access key is too short for HS256: it has " + bytes
                    + " bytes, at least " + MIN_KEY_BYTES + " are needed");
        }
        return key;
    }

    @Override
    public String toString() {
        return "WebPubSubKeyCredential[key=***]";
    }
}
