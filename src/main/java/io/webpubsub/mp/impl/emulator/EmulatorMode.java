package io.webpubsub.mp.impl.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import io.webpubsub.mp.impl.config.Keys;
import io.webpubsub.mp.impl.config.SettingsResolver;

/** The value of {@value #KEY}: whether hubs without configuration are served by an embedded service. */
public enum EmulatorMode {
    /**
     * Unset: embedded when a {@link io.webpubsub.mp.spi.LocalServiceProvider} is on the class path and the
     * application runs in the {@code dev} or {@code test} profile; never in a production run.
     */
    AUTO,
    /** {@code true}: embedded in any profile, and a missing provider is a deployment error. */
    ON,
    /** {@code false}: never embedded; hubs without configuration fail the deployment. */
    OFF;

    /** The config key. */
    public static final String KEY = Keys.EMULATOR_ENABLED_KEY;

    /** The profiles in which {@link #AUTO} embeds the service. */
    static final List<String> LOCAL_PROFILES = List.of("dev", "test");

    /** Where the active profile can be read: MicroProfile Config, Quarkus, SmallRye Config. */
    private static final List<String> PROFILE_KEYS = List.of("mp.config.profile", "quarkus.profile",
            "smallrye.config.profile");

    /**
     * Whether the application runs in the {@code dev} or {@code test} profile: Quarkus's launch mode (dev mode,
     * tests) when Quarkus runs it, else any of the comma-separated profiles in {@code mp.config.profile},
     * {@code quarkus.profile} or {@code smallrye.config.profile}.
     *
     * @param config the application's configuration
     * @param loader the application's class loader
     * @return true in a dev or test run
     */
    public static boolean localProfile(Config config, ClassLoader loader) {
        if (quarkusLaunchMode(loader).filter(mode -> !mode.equals("NORMAL")).isPresent()) {
            return true;
        }
        return PROFILE_KEYS.stream().flatMap(key -> config.getOptionalValue(key, String.class).stream())
                .flatMap(value -> List.of(value.split(",")).stream())
                .anyMatch(profile -> LOCAL_PROFILES.contains(profile.trim().toLowerCase(Locale.ROOT)));
    }

    /** {@code io.quarkus.runtime.LaunchMode.current()} by name (NORMAL, DEVELOPMENT, TEST), when Quarkus runs. */
    private static Optional<String> quarkusLaunchMode(ClassLoader loader) {
        try {
            Class<?> launchMode = Class.forName("io.quarkus.runtime.LaunchMode", false, loader);
            Object current = launchMode.getMethod("current").invoke(null);
            return current == null ? Optional.empty() : Optional.of(((Enum<?>) current).name());
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return Optional.empty();
        }
    }

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
        try {
            return SettingsResolver.bool(value.get()) ? ON : OFF;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Keys.invalid(KEY, e.getMessage()), e);
        }
    }
}
