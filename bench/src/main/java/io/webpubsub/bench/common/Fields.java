package io.webpubsub.bench.common;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code key=value key=value} reply lines of the child JVMs. */
public final class Fields {
    private Fields() {
    }

    public static Map<String, String> parse(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : line.trim().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                m.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return m;
    }

    public static double num(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no " + key + " in " + m);
        }
        return Double.parseDouble(v);
    }
}
