package io.webpubsub.bench.common;

import java.util.Locale;

/** The two fields the benchmarks need from a connection string (endpoint without trailing slash, access key). */
public record ConnStr(String endpoint, String key) {

    public static ConnStr parse(String cs) {
        String endpoint = null;
        String key = null;
        String port = null;
        for (String seg : cs.split(";")) {
            int eq = seg.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String k = seg.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String v = seg.substring(eq + 1).trim();
            switch (k) {
                case "endpoint" -> endpoint = v;
                case "accesskey" -> key = v;
                case "port" -> port = v;
                default -> {
                }
            }
        }
        if (endpoint == null || key == null) {
            throw new IllegalArgumentException("not a connection string with Endpoint and AccessKey");
        }
        endpoint = Tokens.trimSlash(endpoint);
        if (port != null) {
            endpoint = endpoint.replaceFirst(":\\d+$", "") + ":" + port;
        }
        return new ConnStr(endpoint, key);
    }

    public String connectionString() {
        return "Endpoint=" + endpoint + ";AccessKey=" + key + ";Version=1.0;";
    }

    public String wsEndpoint() {
        return endpoint.replaceFirst("^http", "ws");
    }
}
