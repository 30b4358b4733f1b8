package io.webpubsub.emulator.impl.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One REST operation: method, path template (segments after {@code /api}), e.g. {@code hubs/{hub}/:send}, and the
 * name fault rules use.
 */
record Route(String method, List<String> template, String name, Operation operation) {

    /** The operation body. */
    @FunctionalInterface
    interface Operation {
        void run(RestCall call) throws RestException;
    }

    /** @param name the operation id without the {@code WebPubSub_} prefix, e.g. {@code sendToAll} */
    static Route of(String method, String template, String name, Operation operation) {
        return new Route(method, List.of(template.split("/")), name, operation);
    }

    /** Matches decoded path segments; fills {@code vars} and returns true on a match. */
    boolean matches(List<String> segments, Map<String, String> vars) {
        if (segments.size() != template.size()) {
            return false;
        }
        List<String[]> found = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            String t = template.get(i);
            if (t.startsWith("{")) {
                found.add(new String[]{t.substring(1, t.length() - 1), segments.get(i)});
            } else if (!t.equals(segments.get(i))) {
                return false;
            }
        }
        found.forEach(kv -> vars.put(kv[0], kv[1]));
        return true;
    }
}
