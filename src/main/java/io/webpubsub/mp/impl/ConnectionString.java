package io.webpubsub.mp.impl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed Web PubSub connection string ({@code Endpoint=…;AccessKey=…;Version=1.0;[Port=…]}).
 *
 * <p>Parsing follows the strict superset of the official SDKs: keys are case-insensitive, each segment is split
 * at its first {@code =}, keys and values are trimmed, empty segments are skipped, duplicate keys are rejected,
 * {@code Version} and unknown keys are ignored, {@code Port} (1..65535) replaces the endpoint's port. The
 * endpoint is normalised to {@code scheme://host[:port][/base-path]} without a trailing slash.
 *
 * <p>Error messages name the problem and the offending key, never the access key's value; {@link #toString()}
 * redacts it too.
 */
public final class ConnectionString {

    private static final String ENDPOINT = "endpoint";
    private static final String ACCESS_KEY = "accesskey";
    private static final String PORT = "port";

    private final String endpoint;
    private final String accessKey;

    private ConnectionString(String endpoint, String accessKey) {
        this.endpoint = endpoint;
        this.accessKey = accessKey;
    }

    /**
     * Parses a connection string.
     *
     * @param text the connection string
     * @return the parsed value
     * @throws IllegalArgumentException if the text is blank or malformed; the message never contains the key
     */
    public static ConnectionString parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The connection string is empty");
        }
        Map<String, String> values = segments(text);
        String endpoint = values.get(ENDPOINT);
        String accessKey = values.get(ACCESS_KEY);
        if (endpoint == null || endpoint.isEmpty()) {
            throw new IllegalArgumentException("The connection string has no 'Endpoint'");
        }
        if (accessKey == null || accessKey.isEmpty()) {
            throw new IllegalArgumentException("The connection string has no 'AccessKey'");
        }
        return new ConnectionString(normaliseEndpoint(endpoint, values.get(PORT)), accessKey);
    }

    private static Map<String, String> segments(String text) {
        Map<String, String> values = new HashMap<>();
        for (String segment : text.split(";")) {
            if (segment.isBlank()) {
                continue;
            }
            int eq = segment.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(
                        "The connection string has a segment without '=': each segment must be key=value");
            }
            String key = segment.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = segment.substring(eq + 1).trim();
            if (values.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException(
                        "The connection string has the key '" + displayKey(key) + "' more than once");
            }
        }
        return values;
    }

    private static String displayKey(String key) {
        return switch (key) {
            case ENDPOINT -> "Endpoint";
            case ACCESS_KEY -> "AccessKey";
            case PORT -> "Port";
            default -> key;
        };
    }

    /**
     * Normalises an endpoint URL to {@code scheme://host[:port][/path]} with no trailing slash, query or fragment.
     *
     * @param endpoint the endpoint as configured
     * @param port an optional port that replaces the URL's port, or null
     * @return the normalised endpoint
     * @throws IllegalArgumentException if the endpoint is not an absolute http(s) URL or the port is invalid
     */
    public static String normaliseEndpoint(String endpoint, String port) {
        URI uri;
        try {
            uri = new URI(endpoint.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The endpoint is not a valid URL: " + endpoint);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("The endpoint must be an absolute http:// or https:// URL: " + endpoint);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("The endpoint has no host: " + endpoint);
        }
        int effectivePort = port == null ? uri.getPort() : parsePort(port);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + (effectivePort < 0 ? "" : ":" + effectivePort) + path;
    }

    private static int parsePort(String port) {
        try {
            int value = Integer.parseInt(port.trim());
            if (value >= 1 && value <= 65535) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("The connection string's 'Port' must be a number from 1 to 65535: " + port);
    }

    /**
     * The service endpoint, normalised, without a trailing slash.
     *
     * @return the endpoint, e.g. {@code https://demo.webpubsub.azure.com}
     */
    public String endpoint() {
        return endpoint;
    }

    /**
     * The access key, to sign tokens with. Never log it.
     *
     * @return the access key
     */
    public String accessKey() {
        return accessKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionString other
                && endpoint.equals(other.endpoint)
                && accessKey.equals(other.accessKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(endpoint, accessKey);
    }

    @Override
    public String toString() {
        return "ConnectionString[endpoint=" + endpoint + ", accessKey=***]";
    }
}
