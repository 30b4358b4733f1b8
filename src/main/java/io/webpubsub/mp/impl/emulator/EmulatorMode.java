package io.webpubsub.mp.impl.emulator;

import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/** The value of {@value #KEY}: whether hubs without configuration are served by an embedded service. */
public enum EmulatorMode {
    /** Unset: embedded when a {@link io.webpubsub.mp.spi.LocalServiceProvider} is on the class path. */
    AUTO,
    /** {@code true}: embedded, and a missing provider is a deployment error. */
    ON,
    /** {@code false}: never embedded; hubs without configuration fail the deployment. */
    OFF;

    /** The config key. */
    public static final String KEY = "azure.webpubsub.emulator.enabled";

    /**
     * Reads the mode.
     *
     * @param config the configuration
     * @return the mode; {@link #AUTO} when the key is unset or blank
     * @throws IllegalArgumentException if the value is neither {@code true} nor {@code false}
     */
    public static EmulatorMode of(Config config) {
        Optional<String> value = config.getOptionalValue(KEY, String.class).map(String::trim).filter(s -> !s.isEmpty());
        if (value.isEmpty()) {
            return AUTO;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> ON;
            case "false" -> OFF;
            default -> throw new IllegalArgumentException(
                    "Invalid value for '" + KEY + "': expected true or false, got '" + value.get() + "'");
        };
    }
}
