package io.webpubsub.bench.client;

import java.util.List;

/** The clients under test, by name. */
final class Clients {
    /** Every implementation, in table order. */
    static final List<String> ALL = List.of("ours-sync", "ours-async", "sdk-sync", "sdk-async", "floor-sync",
            "floor-async");

    private Clients() {
    }

    static SendClient create(String impl, String endpoint, String key, String hub) throws Exception {
        String cs = "Endpoint=" + endpoint + ";AccessKey=" + key + ";Version=1.0;";
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
