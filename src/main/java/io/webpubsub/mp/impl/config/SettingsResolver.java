package io.webpubsub.mp.impl.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.Config;

import io.webpubsub.mp.WebPubSubKeyCredential;
import io.webpubsub.mp.WebPubSubServiceVersion;
import io.webpubsub.mp.impl.ConnectionString;
import io.webpubsub.mp.impl.HubSettings;
import io.webpubsub.mp.models.RetryOptions;
import io.webpubsub.mp.spi.WebPubSubTokenCredential;

/**
 * The one rule set of a hub's settings, for MicroProfile Config and for {@code WebPubSubClientBuilder} alike (see
 * {@link SettingSource}): collects every problem, each naming the key (with its environment-variable form) or the
 * builder method to change, instead of stopping at the first.
 *
 * <p>Per hub: {@code azure.webpubsub.hubs.<hub>.<key>}, else the global {@code azure.webpubsub.<key>}. The
 * service is given by {@code connection-string}, or by {@code endpoint} with {@code access-key} or, without a key,
 * an Entra ID {@link WebPubSubTokenCredential}. A per-hub {@code connection-string} or {@code endpoint} beats a
 * global one; both on the same level is a conflict.
 */
public final class SettingsResolver {

    /** Finds credentials supplied as beans (or by azure-identity) for hubs configured with an endpoint only. */
    public interface Credentials {

        /** No credentials besides the configuration. */
        Credentials NONE = new Credentials() {
        };

        /**
         * @param hub the hub
         * @return a rotatable access key for the hub, if one is supplied
         */
        default Optional<WebPubSubKeyCredential> key(String hub) {
            return Optional.empty();
        }

        /**
         * @param hub the hub
         * @return an Entra ID credential for the hub, if one is supplied
         */
        default Optional<WebPubSubTokenCredential> token(String hub) {
            return Optional.empty();
        }

        /**
         * The embedded default (see {@code io.webpubsub.mp.spi.LocalServiceProvider}).
         *
         * @param hub the hub's settings
         * @return the connection string of the embedded service for a hub with neither connection string nor
         *         endpoint, when there is one
         */
        default Optional<String> embedded(SettingSource hub) {
            return Optional.empty();
        }

        /**
         * @return true when the credentials were given explicitly (the builder): they then replace the key of a
         *         connection string; false when they are beans, which serve only hubs configured with an endpoint
         */
        default boolean explicit() {
            return false;
        }
    }

    /** The outcome: settings, or the problems found. */
    public record Result(HubSettings settings, List<String> problems) {

        /** @return the settings; fails with every problem if there are any */
        public HubSettings orThrow() {
            if (!problems.isEmpty()) {
                throw new IllegalStateException(String.join("; ", problems));
            }
            return settings;
        }
    }

    private final SettingSource config;
    private final String hub;
    private final List<String> problems = new ArrayList<>();
    /** What {@link #connection(Credentials)} found missing or conflicting, for {@link #resolve(Credentials)}. */
    private Gap gap = Gap.NONE;

    private enum Gap {
        NONE, CONFLICT, NOTHING_CONFIGURED, NO_CREDENTIAL
    }

    private SettingsResolver(SettingSource config) {
        this.config = config;
        this.hub = config.hub();
    }

    /**
     * @param config the configuration
     * @param hub the hub (a valid name)
     * @param credentials finds credential beans (a rotatable key, else Entra ID) for an endpoint without access-key
     * @return settings or problems
     */
    public static Result resolve(Config config, String hub, Credentials credentials) {
        return resolve(new HubConfig(config, hub), credentials);
    }

    /**
     * @param source the hub's settings
     * @param credentials finds credential beans (a rotatable key, else Entra ID) for an endpoint without access-key,
     *        or the builder's explicit credentials
     * @return settings (without executor) or problems
     */
    public static Result resolve(SettingSource source, Credentials credentials) {
        return new SettingsResolver(source).resolve(credentials);
    }

    /**
     * A hub's endpoint and access key or Entra ID credential, as the hub client gets them; the upstream side checks
     * event signatures with the same key.
     *
     * @param endpoint the normalised endpoint; null if not configured or malformed
     * @param key the access key (rotatable when it is a bean); null if there is none
     * @param token the Entra ID credential; null if there is an access key or none
     * @param problems malformed or conflicting values, each naming its key
     */
    public record Connection(String endpoint, WebPubSubKeyCredential key, WebPubSubTokenCredential token,
            List<String> problems) {
    }

    /**
     * Reads only the endpoint and credential: a connection string, or an endpoint with an access key, a credential
     * bean or azure-identity; a per-hub setting beats a global one, both on one level is a conflict. Nothing
     * configured is not a problem here.
     *
     * @param config the hub's configuration (a valid hub name)
     * @param credentials finds credential beans and the embedded default
     * @return the connection
     */
    public static Connection connection(SettingSource config, Credentials credentials) {
        return new SettingsResolver(config).connection(credentials);
    }

    private Connection connection(Credentials credentials) {
        Optional<String> connectionString = text(Keys.CONNECTION_STRING).or(() -> credentials.embedded(config));
        Optional<String> endpointText = text(Keys.ENDPOINT);
        if (connectionString.isPresent() && endpointText.isPresent()) {
            int csLevel = config.level(Keys.CONNECTION_STRING);
            int epLevel = config.level(Keys.ENDPOINT);
            if (csLevel == epLevel) {
                problems.add(conflict(Keys.CONNECTION_STRING, Keys.ENDPOINT));
                gap = Gap.CONFLICT;
                return new Connection(null, null, null, List.copyOf(problems));
            }
            if (csLevel > epLevel) {
                endpointText = Optional.empty();
            } else {
                connectionString = Optional.empty();
            }
        }
        String endpoint = null;
        WebPubSubKeyCredential key = null;
        WebPubSubTokenCredential token = null;
        if (connectionString.isPresent()) {
            String text = connectionString.get();
            ConnectionString parsed = parse(Keys.CONNECTION_STRING, () -> ConnectionString.parse(text));
            if (parsed != null) {
                endpoint = parsed.endpoint();
                if (credentials.explicit()) {
                    key = credentials.key(hub).orElse(null);
                    token = key != null ? null : credentials.token(hub).orElse(null);
                }
                if (key == null && token == null) {
                    key = parse(Keys.CONNECTION_STRING, () -> new WebPubSubKeyCredential(parsed.accessKey()));
                }
            }
        } else if (endpointText.isPresent()) {
            String text = endpointText.get();
            endpoint = parse(Keys.ENDPOINT, () -> ConnectionString.normaliseEndpoint(text, null));
            Optional<String> accessKey = text(Keys.ACCESS_KEY);
            if (accessKey.isPresent()) {
                key = parse(Keys.ACCESS_KEY, () -> new WebPubSubKeyCredential(accessKey.get()));
            } else {
                key = credentials.key(hub).orElse(null);
                token = key != null ? null : credentials.token(hub).orElse(null);
                gap = key == null && token == null ? Gap.NO_CREDENTIAL : Gap.NONE;
            }
        } else {
            gap = Gap.NOTHING_CONFIGURED;
        }
        return new Connection(endpoint, key, token, List.copyOf(problems));
    }

    private Result resolve(Credentials credentials) {
        Connection connection = connection(credentials);
        if (gap == Gap.CONFLICT) {
            return new Result(null, List.copyOf(problems));
        }
        if (gap == Gap.NOTHING_CONFIGURED) {
            problems.add(config.subject() + " has no connection settings: " + config.missingHint());
        } else if (gap == Gap.NO_CREDENTIAL) {
            problems.add(config.subject() + ": " + config.name(Keys.ENDPOINT) + " is set but no credential: "
                    + config.credentialHint());
        }
        String endpoint = connection.endpoint();
        WebPubSubKeyCredential key = connection.key();
        WebPubSubTokenCredential token = connection.token();
        String proxy = value(Keys.REVERSE_PROXY_ENDPOINT, String.class, SettingsResolver::endpoint, null);
        WebPubSubServiceVersion version = value(Keys.SERVICE_VERSION, WebPubSubServiceVersion.class,
                WebPubSubServiceVersion::fromString, WebPubSubServiceVersion.getLatest());
        Duration lifetime = value(Keys.TOKEN_LIFETIME, Duration.class, SettingsResolver::positive,
                HubSettings.DEFAULT_TOKEN_LIFETIME);
        int cacheSize = value(Keys.TOKEN_CACHE_SIZE, Integer.class, t -> whole(t, 0),
                HubSettings.DEFAULT_TOKEN_CACHE_SIZE);
        RetryOptions defaults = new RetryOptions();
        int maxRetries = value(Keys.RETRY_MAX_RETRIES, Integer.class, t -> whole(t, 0), defaults.getMaxRetries());
        Duration delay = value(Keys.RETRY_DELAY, Duration.class, SettingsResolver::nonNegative, defaults.getDelay());
        Duration maxDelay = value(Keys.RETRY_MAX_DELAY, Duration.class, SettingsResolver::nonNegative,
                defaults.getMaxDelay());
        Duration connect = value(Keys.CONNECT_TIMEOUT, Duration.class, SettingsResolver::positive,
                HubSettings.DEFAULT_CONNECT_TIMEOUT);
        Duration read = value(Keys.READ_TIMEOUT, Duration.class, SettingsResolver::positive,
                HubSettings.DEFAULT_READ_TIMEOUT);
        Duration idle = value(Keys.CONNECTION_IDLE_TIMEOUT, Duration.class, SettingsResolver::positive,
                HubSettings.DEFAULT_IDLE_TIMEOUT);
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        RetryOptions retry = new RetryOptions().setMaxRetries(maxRetries).setDelay(delay).setMaxDelay(maxDelay);
        return new Result(new HubSettings(hub, endpoint, proxy, key, token, version, lifetime, cacheSize, retry,
                connect, read, idle, null), List.of());
    }

    /**
     * The readiness-check settings of one hub ({@code health.enabled}, {@code health.timeout},
     * {@code health.cache-ttl}), per hub first, then global.
     *
     * @param config the configuration
     * @param hub the hub (a valid name)
     * @param problems receives each malformed value, naming its key
     * @return the settings, with the default for each malformed value
     */
    public static HealthSettings health(Config config, String hub, List<String> problems) {
        SettingsResolver resolver = new SettingsResolver(new HubConfig(config, hub));
        HealthSettings defaults = HealthSettings.DEFAULTS;
        HealthSettings health = new HealthSettings(
                resolver.value(Keys.HEALTH_ENABLED, Boolean.class, SettingsResolver::bool, defaults.enabled()),
                resolver.value(Keys.HEALTH_TIMEOUT, Duration.class, SettingsResolver::positive, defaults.timeout()),
                resolver.value(Keys.HEALTH_CACHE_TTL, Duration.class, SettingsResolver::nonNegative,
                        defaults.cacheTtl()));
        problems.addAll(resolver.problems);
        return health;
    }

    /**
     * Whether a hub's client operations and upstream events are traced and measured ({@code telemetry.enabled}),
     * per hub first, then global.
     *
     * @param config the configuration
     * @param hub the hub (a valid name)
     * @param problems receives a malformed value, naming its key
     * @return the setting; true (the default) when unset or malformed
     */
    public static boolean telemetry(Config config, String hub, List<String> problems) {
        SettingsResolver resolver = new SettingsResolver(new HubConfig(config, hub));
        boolean enabled = resolver.value(Keys.TELEMETRY_ENABLED, Boolean.class, SettingsResolver::bool, true);
        problems.addAll(resolver.problems);
        return enabled;
    }

    /**
     * The message for a hub without any connection settings.
     *
     * @param hub the hub
     * @return the message naming the keys to set
     */
    public static String missingMessage(String hub) {
        HubConfig config = new HubConfig(null, hub);
        return config.subject() + " has no connection settings: " + config.missingHint();
    }

    private String conflict(String first, String second) {
        return config.subject() + ": both " + config.name(first) + " and " + config.name(second)
                + " are set: set only one";
    }

    /** A setting given as text: from configuration, or a builder argument (already checked). */
    private Optional<String> text(String key) {
        return config.value(key).map(String.class::cast);
    }

    /**
     * Reads a setting: text is parsed (configuration), a value of the type is taken as it is (the builder checked
     * it where it was passed).
     */
    private <T> T value(String key, Class<T> type, Function<String, T> parser, T fallback) {
        Optional<?> raw;
        try {
            raw = config.value(key);
        } catch (IllegalArgumentException e) {
            problems.add(config.subject() + ": " + e.getMessage());
            return fallback;
        }
        if (raw.isEmpty()) {
            return fallback;
        }
        if (!(raw.get() instanceof String text)) {
            return type.cast(raw.get());
        }
        T parsed = parse(key, () -> parser.apply(text));
        return parsed == null ? fallback : parsed;
    }

    private <T> T parse(String key, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            problems.add(config.invalid(key, e.getMessage()));
            return null;
        }
    }

    private static String endpoint(String text) {
        return ConnectionString.normaliseEndpoint(text, null);
    }

    private static Duration positive(String text) {
        return positive(Durations.parse(text), text);
    }

    /**
     * The rule of the timeouts and lifetimes, for configured text and builder arguments alike.
     *
     * @param d the duration
     * @param shown how the value was given, for the message
     * @return the duration
     * @throws IllegalArgumentException if it is zero or negative
     */
    public static Duration positive(Duration d, Object shown) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("must be positive, was '" + shown + "'");
        }
        return d;
    }

    private static Duration nonNegative(String text) {
        Duration d = Durations.parse(text);
        if (d.isNegative()) {
            throw new IllegalArgumentException("must not be negative, was '" + text + "'");
        }
        return d;
    }

    /**
     * The rule of the on/off settings, for every part of the configuration.
     *
     * @param text the configured text
     * @return its value
     * @throws IllegalArgumentException if it is neither {@code true} nor {@code false} (in any case)
     */
    public static boolean bool(String text) {
        String value = text.trim();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("must be true or false, was '" + text + "'");
    }

    private static int whole(String text, int min) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be a whole number of at least " + min + ", was '" + text + "'");
    }
}
