package io.webpubsub.mp.impl.config;

import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * Looks up a setting for one hub: {@code azure.webpubsub.hubs.<hub>.<key>} first, then the global
 * {@code azure.webpubsub.<key>}.
 *
 * <p>Hub names may contain dots; the per-hub key is looked up as written, then with the hub name quoted
 * ({@code azure.webpubsub.hubs."my.hub".<key>}), so either spelling works. MicroProfile Config maps each
 * looked-up name to its environment-variable form ({@code AZURE_WEBPUBSUB_HUBS_CHAT_CONNECTION_STRING}).
 */
public final class HubConfig implements SettingSource {

    /** Prefix of every key of the library. */
    public static final String PREFIX = Keys.PREFIX;

    private final Config config;
    private final String hub;

    /**
     * @param config the configuration to read
     * @param hub the hub name
     */
    public HubConfig(Config config, String hub) {
        this.config = config;
        this.hub = hub;
    }

    /**
     * The hub-specific key for a setting.
     *
     * @param hub the hub name
     * @param key the setting, e.g. {@code connection-string}
     * @return {@code azure.webpubsub.hubs.<hub>.<key>}
     */
    public static String hubKey(String hub, String key) {
        return PREFIX + "hubs." + hub + "." + key;
    }

    /**
     * The global key for a setting.
     *
     * @param key the setting, e.g. {@code connection-string}
     * @return {@code azure.webpubsub.<key>}
     */
    public static String globalKey(String key) {
        return PREFIX + key;
    }

    @Override
    public String hub() {
        return hub;
    }

    @Override
    public Optional<String> value(String key) {
        return get(key);
    }

    @Override
    public String name(String key) {
        return Keys.withEnv(sourceKey(key));
    }

    @Override
    public int level(String key) {
        return sourceKey(key).startsWith(PREFIX + "hubs.") ? 1 : 0;
    }

    @Override
    public String subject() {
        return "Hub '" + hub + "'";
    }

    @Override
    public String missingHint() {
        return "set " + both(Keys.CONNECTION_STRING) + ", or " + both(Keys.ENDPOINT)
                + " with an access-key or an Entra ID credential";
    }

    @Override
    public String credentialHint() {
        return "set " + both(Keys.ACCESS_KEY) + ", or provide a WebPubSubKeyCredential or WebPubSubTokenCredential"
                + " bean, or add com.azure:azure-identity for Entra ID";
    }

    private String both(String key) {
        return Keys.withEnv(hubKey(hub, key)) + " or " + Keys.withEnv(globalKey(key));
    }

    /**
     * Reads a setting as a string, per hub first, then global.
     *
     * @param key the setting
     * @return the value, or empty if set nowhere (blank values count as unset)
     */
    public Optional<String> get(String key) {
        return get(key, String.class);
    }

    /**
     * Reads a setting converted by MicroProfile Config, per hub first, then global.
     *
     * @param key the setting
     * @param type the target type
     * @param <T> the target type
     * @return the value, or empty if set nowhere
     * @throws IllegalArgumentException if the value cannot be converted; the message names the key
     */
    public <T> Optional<T> get(String key, Class<T> type) {
        for (String name : new String[] {hubKey(hub, key), PREFIX + "hubs.\"" + hub + "\"." + key, globalKey(key)}) {
            Optional<T> value = read(name, type);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /**
     * The key under which a setting was found, for messages; the hub-specific key when set nowhere.
     *
     * @param key the setting
     * @return the effective key name
     */
    public String sourceKey(String key) {
        for (String name : new String[] {hubKey(hub, key), PREFIX + "hubs.\"" + hub + "\"." + key, globalKey(key)}) {
            if (read(name, String.class).isPresent()) {
                return name;
            }
        }
        return hubKey(hub, key);
    }

    private <T> Optional<T> read(String name, Class<T> type) {
        try {
            Optional<String> raw = config.getOptionalValue(name, String.class).filter(s -> !s.isBlank());
            return raw.isEmpty() ? Optional.empty() : config.getOptionalValue(name, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Keys.invalid(name, e.getMessage()), e);
        }
    }
}
