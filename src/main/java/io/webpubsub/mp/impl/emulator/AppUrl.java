package io.webpubsub.mp.impl.emulator;

import java.net.URI;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import io.webpubsub.mp.impl.config.Keys;

/**
 * Where the embedded service reaches the application's Jakarta REST resources.
 *
 * <p>{@value #KEY} wins when set. Otherwise, on Quarkus, the URL is {@code quarkus.http.local-base-uri} (or
 * {@code http://127.0.0.1:<quarkus.http.port><quarkus.http.root-path>}) followed by {@code quarkus.rest.path}.
 * It is read when a hub's first client connects, after the HTTP server has started, from the configuration as it is
 * then: Quarkus publishes the port it bound there, so a random port ({@code quarkus.http.test-port=0}) is already
 * the real one. Other runtimes publish no such key, so they set {@value #KEY} (context root and application path
 * included).
 */
final class AppUrl {

    /** The config key for the application's base URL. */
    static final String KEY = Keys.EMULATOR_APP_URL_KEY;

    private AppUrl() {
    }

    /**
     * The base URL, without a trailing slash.
     *
     * @param config the configuration
     * @return the URL, or empty when it cannot be known
     * @throws IllegalArgumentException if {@value #KEY} is not an absolute http(s) URL, naming the key
     */
    static Optional<String> of(Config config) {
        Optional<String> explicit = value(config, KEY);
        if (explicit.isPresent()) {
            return Optional.of(checked(explicit.get()));
        }
        Optional<String> server = value(config, "quarkus.http.local-base-uri").map(AppUrl::stripSlash)
                .or(() -> value(config, "quarkus.http.port").map(port -> "http://127.0.0.1:" + port
                        + path(value(config, "quarkus.http.root-path").orElse("/"))));
        return server.map(base -> base + path(value(config, "quarkus.rest.path").orElse("/")));
    }

    private static String checked(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return stripSlash(url);
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the key
        }
        throw new IllegalArgumentException(Keys.invalid(KEY, "must be the application's absolute http(s) base URL,"
                + " e.g. http://127.0.0.1:8080/app, was '" + url + "'"));
    }

    private static String path(String path) {
        String trimmed = stripSlash(path.trim());
        return trimmed.isEmpty() || trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? stripSlash(s.substring(0, s.length() - 1)) : s;
    }

    private static Optional<String> value(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }
}
