package io.webpubsub.mp.impl.upstream;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.webpubsub.mp.impl.config.HubConfig;
import io.webpubsub.mp.impl.config.Keys;
import io.webpubsub.mp.impl.config.SettingsResolver;

/**
 * One hub's upstream settings, read once at start. Problems in the configuration are collected, not thrown, so
 * that the start-up check reports all of them at once.
 */
final class UpstreamHubSettings {

    final String hub;
    final HubCredentials credentials;
    final boolean validateSignature;
    final Set<String> allowedOrigins;
    final Set<String> systemEvents;
    final Optional<String> userEventPattern;
    final List<String> problems;
    /** Missing or malformed connection settings, which the hub client's check reports for injected hubs. */
    final List<String> connectionProblems;
    final HubConfig config;

    private UpstreamHubSettings(String hub, HubConfig config, HubCredentials credentials, boolean validateSignature,
            Set<String> allowedOrigins, Set<String> systemEvents, Optional<String> userEventPattern,
            List<String> problems, List<String> connectionProblems) {
        this.hub = hub;
        this.config = config;
        this.credentials = credentials;
        this.validateSignature = validateSignature;
        this.allowedOrigins = allowedOrigins;
        this.systemEvents = systemEvents;
        this.userEventPattern = userEventPattern;
        this.problems = problems;
        this.connectionProblems = connectionProblems;
    }

    /**
     * @param config the hub's configuration
     * @param beans the key credential beans and the embedded default, as the hub client gets them
     */
    static UpstreamHubSettings read(HubConfig config, SettingsResolver.Credentials beans) {
        List<String> problems = new ArrayList<>();
        List<String> connectionProblems = new ArrayList<>();
        HubCredentials credentials;
        try {
            credentials = HubCredentials.resolve(config, beans);
        } catch (IllegalArgumentException e) {
            connectionProblems.add(e.getMessage());
            credentials = HubCredentials.NONE;
        }
        boolean validate = readBoolean(config, Keys.UPSTREAM_VALIDATE_SIGNATURE, true, problems);
        List<String> configured = list(config, Keys.UPSTREAM_ALLOWED_ORIGINS);
        Set<String> origins = new LinkedHashSet<>();
        (configured.isEmpty() ? credentials.endpoint().map(UpstreamHubSettings::originsOf).orElse(List.of())
                : configured)
                .forEach(o -> origins.add(o.toLowerCase(Locale.ROOT)));
        Set<String> systemEvents = Set.of();
        try {
            systemEvents = Keys.systemEvents(config.get(Keys.UPSTREAM_SYSTEM_EVENTS).orElse(""));
        } catch (IllegalArgumentException e) {
            problems.add(config.invalid(Keys.UPSTREAM_SYSTEM_EVENTS, e.getMessage()));
        }
        return new UpstreamHubSettings(config.hub(), config, credentials, validate, origins, systemEvents,
                config.get(Keys.UPSTREAM_USER_EVENT_PATTERN).map(String::trim), problems, connectionProblems);
    }

    /** The origin forms the service may send for an endpoint: its host, and host:port when it has a port. */
    static List<String> originsOf(String endpoint) {
        URI uri = URI.create(endpoint);
        return uri.getPort() < 0 ? List.of(uri.getHost()) : List.of(uri.getHost(), uri.getHost() + ":" + uri.getPort());
    }

    boolean allowsOrigin(String origin) {
        return allowedOrigins.contains("*") || allowedOrigins.contains(origin.trim().toLowerCase(Locale.ROOT));
    }

    String key(String setting) {
        return config.sourceKey(setting);
    }

    static List<String> list(HubConfig config, String key) {
        return config.get(key).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList()).orElse(List.of());
    }

    private static boolean readBoolean(HubConfig config, String key, boolean fallback, List<String> problems) {
        Optional<String> value = config.get(key).map(String::trim);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return SettingsResolver.bool(value.get());
        } catch (IllegalArgumentException e) {
            problems.add(config.invalid(key, e.getMessage()));
            return fallback;
        }
    }
}
