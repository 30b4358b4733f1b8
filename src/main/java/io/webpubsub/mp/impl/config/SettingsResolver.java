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
 * Resolves the settings of one hub from MicroProfile Config, collecting every problem (with the exact keys to
 * set, including their environment-variable form) instead of stopping at the first.
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
         * @param hub the hub's configuration
         * @return the connection string of the embedded service for a hub with neither connection string nor
         *         endpoint, when there is one
         */
        default Optional<String> embedded(HubConfig hub) {
            return Optional.empty();
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

    private final HubConfig config;
    private final String hub;
    private final List<String> problems = new ArrayList<>();
    /** What {@link #connection(Credentials)} found missing or conflicting, for {@link #resolve(Credentials)}. */
    private Gap gap = Gap.NONE;

    private enum Gap {
        NONE, CONFLICT, NOTHING_CONFIGURED, NO_CREDENTIAL
    }

    private SettingsResolver(HubConfig config) {
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
        return new SettingsResolver(new HubConfig(config, hub)).resolve(credentials);
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
    public static Connection connection(HubConfig config, Credentials credentials) {
        return new SettingsResolver(config).connection(credentials);
    }

    private Connection connection(Credentials credentials) {
        Optional<String> connectionString = config.get(Keys.CONNECTION_STRING).or(() -> credentials.embedded(config));
        Optional<String> endpointText = config.get(Keys.ENDPOINT);
        String csKey = config.sourceKey(Keys.CONNECTION_STRING);
        String epKey = config.sourceKey(Keys.ENDPOINT);
        if (connectionString.isPresent() && endpointText.isPresent()) {
            if (perHub(csKey) == perHub(epKey)) {
                problems.add("Hub '" + hub + "': both " + Keys.withEnv(csKey) + " and " + Keys.withEnv(epKey)
                        + " are set: set only one");
                gap = Gap.CONFLICT;
                return new Connection(null, null, null, List.copyOf(problems));
            }
            if (perHub(csKey)) {
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
            ConnectionString parsed = parse(csKey, () -> ConnectionString.parse(text));
            if (parsed != null) {
                endpoint = parsed.endpoint();
                key = parse(csKey, () -> new WebPubSubKeyCredential(parsed.accessKey()));
            }
        } else if (endpointText.isPresent()) {
            String text = endpointText.get();
            endpoint = parse(epKey, () -> ConnectionString.normaliseEndpoint(text, null));
            Optional<String> accessKey = config.get(Keys.ACCESS_KEY);
            if (accessKey.isPresent()) {
                key = parse(config.sourceKey(Keys.ACCESS_KEY), () -> new WebPubSubKeyCredential(accessKey.get()));
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
            problems.add(missing());
        } else if (gap == Gap.NO_CREDENTIAL) {
            String epKey = config.sourceKey(Keys.ENDPOINT);
            problems.add("Hub '" + hub + "': " + Keys.withEnv(epKey) + " is set but no credential: set "
                    + Keys.withEnv(HubConfig.hubKey(hub, Keys.ACCESS_KEY)) + " or "
                    + Keys.withEnv(HubConfig.globalKey(Keys.ACCESS_KEY)) + ", or provide a"
                    + " WebPubSubKeyCredential or WebPubSubTokenCredential bean, or add com.azure:azure-identity for"
                    + " Entra ID");
        }
        String endpoint = connection.endpoint();
        WebPubSubKeyCredential key = connection.key();
        WebPubSubTokenCredential token = connection.token();
        String proxy = config.get(Keys.REVERSE_PROXY_ENDPOINT).map(p -> parse(
                config.sourceKey(Keys.REVERSE_PROXY_ENDPOINT), () -> ConnectionString.normaliseEndpoint(p, null)))
                .orElse(null);
        WebPubSubServiceVersion version = value(Keys.SERVICE_VERSION, WebPubSubServiceVersion::fromString,
                WebPubSubServiceVersion.getLatest());
        Duration lifetime = value(Keys.TOKEN_LIFETIME, SettingsResolver::positive, HubSettings.DEFAULT_TOKEN_LIFETIME);
        int cacheSize = value(Keys.TOKEN_CACHE_SIZE, t -> whole(t, 0), HubSettings.DEFAULT_TOKEN_CACHE_SIZE);
        RetryOptions defaults = new RetryOptions();
        int maxRetries = value(Keys.RETRY_MAX_RETRIES, t -> whole(t, 0), defaults.getMaxRetries());
        Duration delay = value(Keys.RETRY_DELAY, SettingsResolver::nonNegative, defaults.getDelay());
        Duration maxDelay = value(Keys.RETRY_MAX_DELAY, SettingsResolver::nonNegative, defaults.getMaxDelay());
        Duration connect = value(Keys.CONNECT_TIMEOUT, SettingsResolver::positive, HubSettings.DEFAULT_CONNECT_TIMEOUT);
        Duration read = value(Keys.READ_TIMEOUT, SettingsResolver::positive, HubSettings.DEFAULT_READ_TIMEOUT);
        Duration idle = value(Keys.CONNECTION_IDLE_TIMEOUT, SettingsResolver::positive,
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
                resolver.value(Keys.HEALTH_ENABLED, SettingsResolver::bool, defaults.enabled()),
                resolver.value(Keys.HEALTH_TIMEOUT, SettingsResolver::positive, defaults.timeout()),
                resolver.value(Keys.HEALTH_CACHE_TTL, SettingsResolver::nonNegative, defaults.cacheTtl()));
        problems.addAll(resolver.problems);
        return health;
    }

    /**
     * The message for a hub without any connection settings.
     *
     * @param hub the hub
     * @return the message naming the keys to set
     */
    public static String missingMessage(String hub) {
        return "Hub '" + hub + "' has no connection settings: set "
                + Keys.withEnv(HubConfig.hubKey(hub, Keys.CONNECTION_STRING)) + " or "
                + Keys.withEnv(HubConfig.globalKey(Keys.CONNECTION_STRING)) + ", or "
                + Keys.withEnv(HubConfig.hubKey(hub, Keys.ENDPOINT)) + " or "
                + Keys.withEnv(HubConfig.globalKey(Keys.ENDPOINT)) + " with an access-key or an Entra ID credential";
    }

    private String missing() {
        return missingMessage(hub);
    }

    private static boolean perHub(String key) {
        return key.startsWith(HubConfig.PREFIX + "hubs.");
    }

    private <T> T value(String name, Function<String, T> parser, T fallback) {
        Optional<String> text;
        try {
            text = config.get(name);
        } catch (IllegalArgumentException e) {
            problems.add("Hub '" + hub + "': " + e.getMessage());
            return fallback;
        }
        if (text.isEmpty()) {
            return fallback;
        }
        T parsed = parse(config.sourceKey(name), () -> parser.apply(text.get()));
        return parsed == null ? fallback : parsed;
    }

    private <T> T parse(String key, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            problems.add("Hub '" + hub + "': invalid " + Keys.withEnv(key) + ": " + e.getMessage());
            return null;
        }
    }

    private static Duration positive(String text) {
        Duration d = Durations.parse(text);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("must be positive, was '" + text + "'");
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

    private static boolean bool(String text) {
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
