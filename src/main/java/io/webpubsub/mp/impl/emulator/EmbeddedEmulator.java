package io.webpubsub.mp.impl.emulator;

import java.lang.System.Logger.Level;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.webpubsub.mp.impl.config.Keys;
import io.webpubsub.mp.impl.config.SettingSource;
import io.webpubsub.mp.spi.LocalServiceProvider;
import io.webpubsub.mp.spi.LocalServiceProvider.LocalService;
import io.webpubsub.mp.spi.LocalServiceProvider.Upstream;

/**
 * The embedded default: one local service per application, started on first need (or at boot with
 * {@code azure.webpubsub.emulator.enabled=true}) and closed with the application.
 *
 * <p>Holds no static state: Quarkus runs the CDI extension at build time in another class loader, and dev mode
 * restarts the application in the same JVM; each application instance owns one of these and closes it.
 */
public final class EmbeddedEmulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.webpubsub.mp.emulator");

    private final EmulatorMode mode;
    private final LocalServiceProvider provider;
    private final Function<String, Optional<Upstream>> upstream;
    private LocalService service;
    private boolean closed;

    EmbeddedEmulator(EmulatorMode mode, Optional<LocalServiceProvider> provider,
            Function<String, Optional<Upstream>> upstream) {
        this.mode = mode;
        this.provider = provider.orElse(null);
        this.upstream = upstream;
    }

    /**
     * The embedded default as configured.
     *
     * @param config the application's configuration
     * @param loader where to look for a {@link LocalServiceProvider}
     * @return the embedded default; nothing is started yet
     * @throws IllegalArgumentException if {@value EmulatorMode#KEY} is invalid
     * @throws IllegalStateException if it is {@code true} and no provider is on the class path
     */
    public static EmbeddedEmulator of(Config config, ClassLoader loader) {
        return of(config, loader, () -> ConfigProvider.getConfig(loader));
    }

    static EmbeddedEmulator of(Config config, ClassLoader loader, Supplier<Config> live) {
        EmulatorMode mode = EmulatorMode.of(config);
        boolean local = EmulatorMode.localProfile(config, loader);
        Optional<LocalServiceProvider> provider = enabled(mode, local) ? provider(loader) : Optional.empty();
        deploymentProblem(mode, provider).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        if (mode == EmulatorMode.ON && !local) {
            LOG.log(Level.WARNING, EmulatorMode.KEY + "=true outside the dev and test profiles: hubs without a"
                    + " connection string use the embedded Web PubSub service on this machine, not Azure");
        }
        return new EmbeddedEmulator(mode, provider, new EmulatorUpstream(live));
    }

    /**
     * Whether hubs without configuration can be served locally; checked at deployment, where nothing may start.
     *
     * @param config the application's configuration
     * @param loader where to look for a {@link LocalServiceProvider}
     * @return true when a provider is on the class path and {@value EmulatorMode#KEY} is {@code true}, or unset
     *         in the {@code dev} or {@code test} profile
     * @throws IllegalArgumentException if {@value EmulatorMode#KEY} is invalid
     */
    public static boolean available(Config config, ClassLoader loader) {
        return enabled(EmulatorMode.of(config), EmulatorMode.localProfile(config, loader))
                && provider(loader).isPresent();
    }

    private static boolean enabled(EmulatorMode mode, boolean localProfile) {
        return mode == EmulatorMode.ON || (mode == EmulatorMode.AUTO && localProfile);
    }

    /**
     * The deployment problem of the embedded default, if any.
     *
     * @param config the application's configuration
     * @param loader where to look for a {@link LocalServiceProvider}
     * @return the message to report, or empty
     */
    public static Optional<String> deploymentProblem(Config config, ClassLoader loader) {
        try {
            EmulatorMode mode = EmulatorMode.of(config);
            return deploymentProblem(mode, mode == EmulatorMode.ON ? provider(loader) : Optional.empty());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Optional<String> deploymentProblem(EmulatorMode mode, Optional<LocalServiceProvider> provider) {
        if (mode == EmulatorMode.ON && provider.isEmpty()) {
            return Optional.of(EmulatorMode.KEY + "=true, but no embedded Web PubSub service is on the class path: "
                    + "add the dependency io.webpubsub:webpubsub-emulator, or remove the key");
        }
        return Optional.empty();
    }

    static Optional<LocalServiceProvider> provider(ClassLoader loader) {
        try {
            Iterator<LocalServiceProvider> found = ServiceLoader.load(LocalServiceProvider.class, loader).iterator();
            return found.hasNext() ? Optional.of(found.next()) : Optional.empty();
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("Cannot load the embedded Web PubSub service ("
                    + LocalServiceProvider.class.getName() + "): " + e.getMessage(), e);
        }
    }

    /**
     * Whether hubs without configuration are served by the embedded service.
     *
     * @return true when enabled (see {@link #available}) and a provider is on the class path
     */
    public boolean servesUnconfiguredHubs() {
        return provider != null;
    }

    /**
     * Whether a hub has configuration of its own: a connection string or an endpoint (per hub or global). Such
     * hubs are never served by the embedded service.
     *
     * @param hub the hub's settings
     * @return true when {@code connection-string} or {@code endpoint} is set for the hub
     */
    public static boolean configured(SettingSource hub) {
        return hub.value(Keys.CONNECTION_STRING).isPresent() || hub.value(Keys.ENDPOINT).isPresent();
    }

    /**
     * The connection string for a hub without configuration of its own, starting the service on first use.
     *
     * @param hub the hub's settings
     * @return the embedded service's connection string; empty when the hub is {@link #configured(SettingSource)} or
     *         there is no embedded service
     * @throws IllegalStateException if the service was closed
     */
    public Optional<String> connectionStringFor(SettingSource hub) {
        if (configured(hub) || !servesUnconfiguredHubs()) {
            return Optional.empty();
        }
        return Optional.of(connectionString());
    }

    /** Starts the service now if {@value EmulatorMode#KEY} is {@code true}; called at boot. */
    public void startIfRequired() {
        if (mode == EmulatorMode.ON) {
            connectionString();
        }
    }

    /**
     * The connection string of the embedded service, started on the first call.
     *
     * @return the connection string
     * @throws IllegalStateException if there is no embedded service or it was closed
     */
    public synchronized String connectionString() {
        if (closed) {
            throw new IllegalStateException("The embedded Web PubSub service was closed with the application");
        }
        if (provider == null) {
            throw new IllegalStateException("No embedded Web PubSub service: " + EmulatorMode.KEY
                    + " is false or io.webpubsub:webpubsub-emulator is not on the class path");
        }
        if (service == null) {
            service = provider.start(upstream);
            // The key is random per start and only opens a loopback service with nothing in it; printing it lets
            // developers point other tools (SDKs, the Azure CLI) at the same service.
            LOG.log(Level.INFO, "Hubs without a connection string use the embedded Web PubSub service ({0}): {1}"
                    + "  To use Azure instead, set azure.webpubsub.connection-string.",
                    provider.name(), service.connectionString());
        }
        return service.connectionString();
    }

    /** Stops the service if it was started; later calls to {@link #connectionString()} fail. */
    @Override
    public synchronized void close() {
        closed = true;
        if (service != null) {
            LocalService running = service;
            service = null;
            running.close();
            LOG.log(Level.DEBUG, "Embedded Web PubSub service stopped");
        }
    }
}
