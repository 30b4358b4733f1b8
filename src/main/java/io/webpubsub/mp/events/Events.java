package io.webpubsub.mp.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Copying helpers shared by the event types. */
final class Events {

    private Events() {
    }

    static Map<String, List<String>> copy(Map<String, List<String>> source, boolean ignoreCase) {
        Map<String, List<String>> copy = ignoreCase ? new TreeMap<>(String.CASE_INSENSITIVE_ORDER)
                : new LinkedHashMap<>();
        source.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}
