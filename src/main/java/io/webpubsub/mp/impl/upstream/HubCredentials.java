package io.webpubsub.mp.impl.upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.webpubsub.mp.WebPubSubKeyCredential;
import io.webpubsub.mp.impl.config.Keys;
import io.webpubsub.mp.impl.config.HubConfig;
import io.webpubsub.mp.impl.config.SettingsResolver;

/**
 * A hub's service endpoint and the keys event signatures may be made with: the hub client's access key, read by
 * the core's {@link SettingsResolver} with the same keys and precedence (so a {@link WebPubSubKeyCredential} bean
 * rotates both), plus the upstream side's {@code upstream.secondary-access-key} for key rotation on the service
 * side. {@link #toString()} never shows a key.
 */
final class HubCredentials {

    /** No endpoint, no keys: what a hub with broken settings gets after its problem is recorded. */
    static final HubCredentials NONE = new HubCredentials(null, null, null);

    private final String endpoint;
    private final WebPubSubKeyCredential key;
    private final String secondaryKey;

    private HubCredentials(String endpoint, WebPubSubKeyCredential key, String secondaryKey) {
        this.endpoint = endpoint;
        this.key = key;
        this.secondaryKey = secondaryKey;
    }

    /**
     * @param config the hub's configuration
     * @param credentials the key credential beans and the embedded default
     * @throws IllegalArgumentException if a value is malformed or conflicting; the message names the key, never the
     *         secret
     */
    static HubCredentials resolve(HubConfig config, SettingsResolver.Credentials credentials) {
        SettingsResolver.Connection connection = SettingsResolver.connection(config, credentials);
        if (!connection.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", connection.problems()));
        }
        return new HubCredentials(connection.endpoint(), connection.key(),
                config.get(Keys.UPSTREAM_SECONDARY_ACCESS_KEY).map(String::trim).orElse(null));
    }

    /** The normalised endpoint ({@code https://host[:port]}), if configured. */
    Optional<String> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** Every key a genuine signature may be made with, read now (keys rotate); empty if none is configured. */
    List<String> accessKeys() {
        List<String> keys = new ArrayList<>(2);
        if (key != null) {
            keys.add(key.getKey());
        }
        if (secondaryKey != null && !keys.contains(secondaryKey)) {
            keys.add(secondaryKey);
        }
        return keys;
    }

    @Override
    public String toString() {
        return "HubCredentials[endpoint=" + endpoint + ", keys=" + accessKeys().size() + "]";
    }
}
