package io.webpubsub.mp.impl.emulator;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.Config;

import io.webpubsub.mp.impl.config.Keys;
import io.webpubsub.mp.impl.config.HubConfig;
import io.webpubsub.mp.spi.LocalServiceProvider.Upstream;

/**
 * The event handler the embedded service uses for a hub: the application's own upstream endpoint
 * ({@code <app-url>/<azure.webpubsub.upstream.path>/hubs/{hub}}), with the events the application declares for the
 * service in {@code azure.webpubsub[.hubs.<hub>].upstream.system-events} and {@code upstream.user-event-pattern} —
 * the same keys that describe the hub settings of a real resource. A hub that declares neither gets no handler.
 */
final class EmulatorUpstream implements Function<String, Optional<Upstream>> {

    private static final System.Logger LOG = System.getLogger("io.webpubsub.mp.emulator");

    private final Supplier<Config> live;

    /** @param live the configuration as it is when asked (Quarkus publishes the bound port in it after start) */
    EmulatorUpstream(Supplier<Config> live) {
        this.live = live;
    }

    EmulatorUpstream(Config config) {
        this(() -> config);
    }

    @Override
    public Optional<Upstream> apply(String hub) {
        Config config = live.get();
        HubConfig settings = new HubConfig(config, hub);
        Set<String> systemEvents = systemEvents(settings);
        String userEvents = settings.get(Keys.UPSTREAM_USER_EVENT_PATTERN).map(String::trim).orElse("");
        if (systemEvents.isEmpty() && userEvents.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> app = AppUrl.of(config);
        if (app.isEmpty()) {
            LOG.log(Level.WARNING, "The embedded Web PubSub service cannot send hub ''{0}'' events to the application: "
                    + "set {1} to the application''s base URL", hub, AppUrl.KEY);
            return Optional.empty();
        }
        Upstream upstream = new Upstream(app.get() + "/" + upstreamPath(config) + "/hubs/{hub}", userEvents,
                systemEvents);
        LOG.log(Level.DEBUG, "The embedded Web PubSub service sends hub ''{0}'' events to {1}", hub, upstream);
        return Optional.of(upstream);
    }

    private static String upstreamPath(Config config) {
        return Keys.upstreamPath(config.getOptionalValue(Keys.UPSTREAM_PATH_KEY, String.class));
    }

    private static Set<String> systemEvents(HubConfig settings) {
        try {
            return Keys.systemEvents(settings.get(Keys.UPSTREAM_SYSTEM_EVENTS).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(settings.invalid(Keys.UPSTREAM_SYSTEM_EVENTS, e.getMessage()), e);
        }
    }
}
