package io.webpubsub.mp.impl.emulator;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;

import io.webpubsub.mp.impl.config.HubConfig;
import io.webpubsub.mp.spi.LocalServiceProvider.Upstream;

/**
 * The event handler the embedded service uses for a hub: the application's own upstream endpoint.
 *
 * <p>Keys (per hub under {@code azure.webpubsub.hubs.<hub>.}, or for every hub under {@code azure.webpubsub.}):
 * {@code emulator.user-events} (default {@code *}) and {@code emulator.system-events} (default
 * {@code connect,connected,disconnected}; {@code none} for none).
 */
final class EmulatorUpstream implements Function<String, Optional<Upstream>> {

    static final String USER_EVENTS = "emulator.user-events";
    static final String SYSTEM_EVENTS = "emulator.system-events";
    static final String UPSTREAM_PATH_KEY = "azure.webpubsub.upstream.path";
    static final String DEFAULT_UPSTREAM_PATH = "/webpubsub/upstream";
    private static final Set<String> KNOWN_SYSTEM_EVENTS = Set.of("connect", "connected", "disconnected");
    private static final System.Logger LOG = System.getLogger("io.webpubsub.mp.emulator");

    private final Config config;

    EmulatorUpstream(Config config) {
        this.config = config;
    }

    @Override
    public Optional<Upstream> apply(String hub) {
        Optional<String> app = AppUrl.of(config);
        if (app.isEmpty()) {
            LOG.log(Level.WARNING, "The embedded Web PubSub service cannot send hub ''{0}'' events to the application: "
                    + "set {1} to the application''s base URL", hub, AppUrl.KEY);
            return Optional.empty();
        }
        HubConfig settings = new HubConfig(config, hub);
        return Optional.of(new Upstream(app.get() + upstreamPath(),
                settings.get(USER_EVENTS).orElse("*").trim(),
                systemEvents(settings)));
    }

    private String upstreamPath() {
        String path = config.getOptionalValue(UPSTREAM_PATH_KEY, String.class).map(String::trim)
                .filter(s -> !s.isEmpty()).orElse(DEFAULT_UPSTREAM_PATH);
        return path.startsWith("/") ? path : "/" + path;
    }

    private static Set<String> systemEvents(HubConfig settings) {
        String value = settings.get(SYSTEM_EVENTS).orElse("connect,connected,disconnected").trim();
        Set<String> events = new LinkedHashSet<>();
        if (value.equalsIgnoreCase("none")) {
            return events;
        }
        for (String part : value.split(",")) {
            String event = part.trim().toLowerCase(Locale.ROOT);
            if (!KNOWN_SYSTEM_EVENTS.contains(event)) {
                throw new IllegalArgumentException("Invalid value for '" + settings.sourceKey(SYSTEM_EVENTS)
                        + "': '" + part.trim() + "' is not one of " + Arrays.toString(KNOWN_SYSTEM_EVENTS.stream()
                                .sorted().toArray()) + " (or none)");
            }
            events.add(event);
        }
        return events;
    }
}
