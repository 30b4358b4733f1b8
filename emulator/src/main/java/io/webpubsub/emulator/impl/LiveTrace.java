package io.webpubsub.emulator.impl;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * A readable log of traffic per hub, like the service's Live Trace. Off (no sink) by default. Lines never contain
 * tokens or keys.
 */
public final class LiveTrace {
    private final Consumer<String> sink;
    private final Clock clock;

    /** @param sink where lines go, or null for off */
    public LiveTrace(Consumer<String> sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /** Whether tracing is on. */
    public boolean enabled() {
        return sink != null;
    }

    /** Logs a line for a hub ({@code null} for events not tied to one hub). */
    public void log(String hub, String text) {
        if (sink != null) {
            sink.accept(DateTimeFormatter.ISO_INSTANT.format(clock.instant()) + " [" + (hub == null ? "*" : hub)
                    + "] " + text);
        }
    }
}
