package io.webpubsub.mp.impl.emulator;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Ties the embedded default to the application's life: created at boot, closed at shutdown (and so once per
 * restart in Quarkus dev mode and per test profile). Settings resolution asks it for the connection string of hubs
 * that have no configuration.
 */
@ApplicationScoped
public class EmbeddedEmulatorBean {

    private volatile EmbeddedEmulator emulator;

    /**
     * The application's embedded default.
     *
     * @return the embedded default, created on first use
     */
    public EmbeddedEmulator emulator() {
        EmbeddedEmulator current = emulator;
        if (current == null) {
            synchronized (this) {
                if (emulator == null) {
                    emulator = EmbeddedEmulator.of(ConfigProvider.getConfig(), classLoader());
                }
                current = emulator;
            }
        }
        return current;
    }

    void boot(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        emulator().startIfRequired();
    }

    @PreDestroy
    void close() {
        EmbeddedEmulator current = emulator;
        if (current != null) {
            current.close();
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : EmbeddedEmulatorBean.class.getClassLoader();
    }
}
