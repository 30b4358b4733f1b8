package io.webpubsub.it.scenarios;

import java.util.Locale;

/** Reads the parts of a connection string the scenarios need (the endpoint, the key to sign test requests). */
public final class ConnectionStrings {

    private ConnectionStrings() {
    }

    /** The value of a key, case-insensitively; fails if absent. */
    public static String get(String connectionString, String key) {
        for (String part : connectionString.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                return part.substring(eq + 1).trim();
            }
        }
        throw new IllegalArgumentException("no " + key + " in the connection string");
    }

    /** The endpoint, with the port if the connection string has one. */
    public static String endpoint(String connectionString) {
        String endpoint = get(connectionString, "Endpoint").replaceAll("/+$", "");
        try {
            return endpoint + ":" + Integer.parseInt(get(connectionString, "Port"));
        } catch (IllegalArgumentException e) {
            return endpoint;
        }
    }
}
