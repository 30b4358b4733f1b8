package io.webpubsub.mp.impl.upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.webpubsub.mp.impl.ConnectionString;
import io.webpubsub.mp.impl.config.HubConfig;

/**
 * A hub's service endpoint and access keys, from the same keys and with the same precedence as the hub client:
 * {@code azure.webpubsub[.hubs.<hub>].connection-string}, or {@code endpoint} + {@code access-key}; a per-hub
 * setting beats a global one, both on one level is a conflict. Plus the upstream side's
 * {@code upstream.secondary-access-key} for key rotation.
 *
 * <p>The one place the upstream side reads these keys, so that it can switch to the core's settings resolver.
 * {@link #toString()} never shows a key.
 */
final class HubCredentials {

    static final String CONNECTION_STRING = "connection-string";
    static final String ENDPOINT = "endpoint";
    static final String ACCESS_KEY = "access-key";
    static final String SECONDARY_ACCESS_KEY = "upstream.secondary-access-key";

    /** No endpoint, no keys: what a hub with broken settings gets after its problem is recorded. */
    static final HubCredentials NONE = new HubCredentials(null, List.of());

    private final String endpoint;
    private final List<String> accessKeys;

    private HubCredentials(String endpoint, List<String> accessKeys) {
        this.endpoint = endpoint;
        this.accessKeys = List.copyOf(accessKeys);
    }

    /**
     * @throws IllegalArgumentException if a value is malformed; the message names the key, never the secret
     */
    static HubCredentials resolve(HubConfig config) {
        return resolve(config, hub -> Optional.empty());
    }

    /**
     * @param embedded the embedded default's connection string for a hub without configuration of its own
     * @throws IllegalArgumentException if a value is malformed; the message names the key, never the secret
     */
    static HubCredentials resolve(HubConfig config, Function<HubConfig, Optional<String>> embedded) {
        String endpoint = null;
        List<String> keys = new ArrayList<>();
        // embedded default: a hub with no connection string and no endpoint gets the embedded service's
        Optional<String> connectionString = config.get(CONNECTION_STRING).or(() -> embedded.apply(config));
        if (connectionString.isPresent() && config.get(ENDPOINT).isPresent()) {
            // the client's rule: the per-hub setting beats the global one; both on one level is a conflict
            boolean csPerHub = perHub(config, CONNECTION_STRING);
            if (csPerHub == perHub(config, ENDPOINT)) {
                throw new IllegalArgumentException("Hub '" + config.hub() + "': both '"
                        + config.sourceKey(CONNECTION_STRING) + "' and '" + config.sourceKey(ENDPOINT)
                        + "' are set: set only one");
            }
            connectionString = csPerHub ? connectionString : Optional.empty();
        }
        if (connectionString.isPresent()) {
            try {
                ConnectionString parsed = ConnectionString.parse(connectionString.get());
                endpoint = parsed.endpoint();
                keys.add(parsed.accessKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid value for '" + config.sourceKey(CONNECTION_STRING)
                        + "': " + e.getMessage());
            }
        } else {
            Optional<String> configured = config.get(ENDPOINT);
            if (configured.isPresent()) {
                try {
                    endpoint = ConnectionString.normaliseEndpoint(configured.get(), null);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Invalid value for '" + config.sourceKey(ENDPOINT) + "': "
                            + e.getMessage());
                }
            }
            config.get(ACCESS_KEY).map(String::trim).ifPresent(keys::add);
        }
        config.get(SECONDARY_ACCESS_KEY).map(String::trim).filter(k -> !keys.contains(k)).ifPresent(keys::add);
        return new HubCredentials(endpoint, keys);
    }

    private static boolean perHub(HubConfig config, String key) {
        return !config.sourceKey(key).equals(HubConfig.globalKey(key));
    }

    /** The normalised endpoint ({@code https://host[:port]}), if configured. */
    Optional<String> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** Every key a genuine signature may be made with; empty if none is configured. */
    List<String> accessKeys() {
        return accessKeys;
    }

    @Override
    public String toString() {
        return "HubCredentials[endpoint=" + endpoint + ", keys=" + accessKeys.size() + "]";
    }
}
