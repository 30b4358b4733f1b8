package io.webpubsub.mp.impl.health;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.webpubsub.mp.impl.config.SettingsResolver;

/**
 * Registers one readiness check per hub when the MicroProfile Health API is on the application's class path, and
 * nothing otherwise: this class never loads a MicroProfile Health type; {@link ReadinessBeans} does, only after the
 * API was found.
 */
public final class HealthRegistration {

    private static final System.Logger LOG = System.getLogger("io.webpubsub.mp");
    private static final String HEALTH_API = "org.eclipse.microprofile.health.HealthCheck";

    private HealthRegistration() {
    }

    /**
     * @param components where the build-compatible extension registers beans
     * @param hubs the injected hubs (valid names)
     */
    public static void register(SyntheticComponents components, Collection<String> hubs) {
        if (hubs.isEmpty() || !apiPresent()) {
            return;
        }
        List<String> checked = hubs.stream().filter(HealthRegistration::enabled).toList();
        if (!checked.isEmpty()) {
            ReadinessBeans.add(components, checked);
            LOG.log(Level.INFO, "Azure Web PubSub readiness checks registered for hubs {0}", checked);
        }
    }

    static boolean apiPresent() {
        try {
            Class.forName(HEALTH_API, false, HealthRegistration.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** On Quarkus this runs at build time: the build's configuration decides, as for Quarkus's own checks. */
    private static boolean enabled(String hub) {
        Config config;
        try {
            config = ConfigProvider.getConfig();
        } catch (RuntimeException e) {
            return true;
        }
        return SettingsResolver.health(config, hub, new ArrayList<>()).enabled();
    }
}
