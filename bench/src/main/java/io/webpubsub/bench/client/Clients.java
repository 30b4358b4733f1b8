package io.webpubsub.bench.client;

import java.util.List;

import io.webpubsub.bench.common.ConnStr;

/** The clients under test, by name. */
final class Clients {
    /** Every implementation, in table order. */
    static final List<String> ALL = List.of("ours-sync", "ours-async", "sdk-sync", "sdk-async", "floor-sync",
            "floor-async");

    private Clients() {
    }

    static SendClient create(String impl, String connectionString, String hub) throws Exception {
        ConnStr parsed = ConnStr.parse(connectionString);
        String cs = parsed.connectionString();
        String endpoint = parsed.endpoint();
        String key = parsed.key();
        return switch (impl) {
            case "sdk-sync" -> new SdkClient(false, cs, hub);
            case "sdk-async" -> new SdkClient(true, cs, hub);
            case "floor-sync" -> new FloorClient(false, endpoint, key, hub);
            case "floor-async" -> new FloorClient(true, endpoint, key, hub);
            case "ours-sync" -> OursClient.create(false, cs, hub);
            case "ours-async" -> OursClient.create(true, cs, hub);
            default -> throw new IllegalArgumentException("unknown impl " + impl + "; one of " + ALL);
        };
    }
}
