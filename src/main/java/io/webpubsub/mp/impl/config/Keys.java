package io.webpubsub.mp.impl.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one catalogue of setting names: the relative names below are read under {@code azure.webpubsub.} (global)
 * and {@code azure.webpubsub.hubs.<hub>.} (per hub); the {@code *_KEY} names are full, global-only keys. The README's
 * configuration table lists every one of them.
 */
public final class Keys {

    /** Prefix of every key of the library. */
    public static final String PREFIX = "azure.webpubsub.";

    public static final String CONNECTION_STRING = "connection-string";
    public static final String ENDPOINT = "endpoint";
    public static final String ACCESS_KEY = "access-key";
    public static final String REVERSE_PROXY_ENDPOINT = "reverse-proxy-endpoint";
    public static final String SERVICE_VERSION = "service-version";
    public static final String TOKEN_LIFETIME = "token-lifetime";
    public static final String TOKEN_CACHE_SIZE = "token-cache-size";
    public static final String RETRY_MAX_RETRIES = "retry.max-retries";
    public static final String RETRY_DELAY = "retry.delay";
    public static final String RETRY_MAX_DELAY = "retry.max-delay";
    public static final String CONNECT_TIMEOUT = "connect-timeout";
    public static final String READ_TIMEOUT = "read-timeout";
    /** Whether the hub gets an MP Health readiness check (read when the application is deployed). */
    public static final String HEALTH_ENABLED = "health.enabled";
    /** Connect and read timeout of the readiness check's probe. */
    public static final String HEALTH_TIMEOUT = "health.timeout";
    /** How long a probe's result answers further readiness checks. */
    public static final String HEALTH_CACHE_TTL = "health.cache-ttl";
    public static final String CONNECTION_IDLE_TIMEOUT = "connection-idle-timeout";
    public static final String TELEMETRY_ENABLED = "telemetry.enabled";

    /** Whether upstream requests must carry a valid {@code ce-signature}; default true. */
    public static final String UPSTREAM_VALIDATE_SIGNATURE = "upstream.validate-signature";
    /** The origins the abuse-protection handshake accepts; default the endpoint's host. */
    public static final String UPSTREAM_ALLOWED_ORIGINS = "upstream.allowed-origins";
    /** The system events the hub's event handler receives, from {@link #SYSTEM_EVENTS}. */
    public static final String UPSTREAM_SYSTEM_EVENTS = "upstream.system-events";
    /** The user events the hub's event handler receives: {@code *}, a name or a comma-separated list. */
    public static final String UPSTREAM_USER_EVENT_PATTERN = "upstream.user-event-pattern";
    /** A second key the upstream side accepts signatures from, for key rotation on the service side. */
    public static final String UPSTREAM_SECONDARY_ACCESS_KEY = "upstream.secondary-access-key";
    /** The upstream endpoint's path under the Jakarta REST root; default {@value #DEFAULT_UPSTREAM_PATH}. */
    public static final String UPSTREAM_PATH_KEY = "azure.webpubsub.upstream.path";
    /** The default of {@value #UPSTREAM_PATH_KEY}. */
    public static final String DEFAULT_UPSTREAM_PATH = "webpubsub";
    /** Whether hubs without configuration are served by an embedded service. */
    public static final String EMULATOR_ENABLED_KEY = "azure.webpubsub.emulator.enabled";
    /** The application's base URL, where the embedded service sends upstream events. */
    public static final String EMULATOR_APP_URL_KEY = "azure.webpubsub.emulator.app-url";

    /**
     * The system events a hub's event handler may list in {@value #UPSTREAM_SYSTEM_EVENTS}, in documentation order;
     * {@code joined} and {@code left} are the group presence events (preview).
     */
    public static final List<String> SYSTEM_EVENTS = List.of("connect", "connected", "disconnected", "joined",
            "left");

    /**
     * Reads a value of {@value #UPSTREAM_SYSTEM_EVENTS}: names from {@link #SYSTEM_EVENTS}, comma-separated, in any
     * case; blanks between commas are ignored.
     *
     * @param value the configured value
     * @return the events, lower-case, in the order given
     * @throws IllegalArgumentException naming the rule and the value if a name is not a system event
     */
    public static Set<String> systemEvents(String value) {
        Set<String> events = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String event = part.trim().toLowerCase(Locale.ROOT);
            if (!event.isEmpty() && !SYSTEM_EVENTS.contains(event)) {
                throw new IllegalArgumentException("must list only " + String.join(", ", SYSTEM_EVENTS) + ", was '"
                        + value.trim() + "'");
            }
            if (!event.isEmpty()) {
                events.add(event);
            }
        }
        return events;
    }

    /**
     * The one form of a problem with a setting that is not per hub.
     *
     * @param key the key as configured
     * @param problem what is wrong, e.g. {@code must be true or false, was 'x'}
     * @return {@code Invalid <key> (env <ENV>): <problem>}
     */
    public static String invalid(String key, String problem) {
        return "Invalid " + withEnv(key) + ": " + problem;
    }

    /** The CloudEvents type of a system event is this prefix and its name from {@link #SYSTEM_EVENTS}. */
    public static final String SYSTEM_EVENT_TYPE_PREFIX = "azure.webpubsub.sys.";
    /** The CloudEvents type of a user event is this prefix and the event's name. */
    public static final String USER_EVENT_TYPE_PREFIX = "azure.webpubsub.user.";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

    private Keys() {
    }

    /**
     * The environment-variable form MicroProfile Config maps a key to: every character other than a letter or
     * digit becomes {@code _}, then upper case.
     *
     * @param key the full key
     * @return e.g. {@code AZURE_WEBPUBSUB_HUBS_CHAT_CONNECTION_STRING}
     */
    public static String env(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /**
     * A key with its environment-variable form, for messages.
     *
     * @param key the full key
     * @return {@code key (env KEY)}
     */
    public static String withEnv(String key) {
        return key + " (env " + env(key) + ")";
    }

    /**
     * Reads {@value #UPSTREAM_PATH_KEY}: slashes at either end are dropped; every segment must be made of letters,
     * digits and {@code . _ ~ -}.
     *
     * @param raw the configured value, if any
     * @return the path without slashes at either end; {@value #DEFAULT_UPSTREAM_PATH} when unset
     * @throws IllegalArgumentException naming the key when the value is not such a path
     */
    public static String upstreamPath(Optional<String> raw) {
        String value = raw.map(String::trim).orElse(DEFAULT_UPSTREAM_PATH);
        String trimmed = value.replaceAll("^/+|/+$", "");
        for (String segment : trimmed.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException(invalid(UPSTREAM_PATH_KEY, "must be a path of segments made of"
                        + " letters, digits and . _ ~ -, relative to the Jakarta REST root, e.g. 'api/webpubsub', was '"
                        + value + "'"));
            }
        }
        return trimmed;
    }
}
