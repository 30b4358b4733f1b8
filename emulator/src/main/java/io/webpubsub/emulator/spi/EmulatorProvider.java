package io.webpubsub.emulator.spi;

import io.webpubsub.emulator.EventHandler;
import io.webpubsub.emulator.Fault;
import io.webpubsub.emulator.HubSnapshot;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The seam through which {@link io.webpubsub.emulator.WebPubSubEmulator} reaches the implementation, so that the
 * API never refers to it. <b>Implemented by the emulator itself, not by applications</b>; may change in any
 * release.
 *
 * <p>Found with {@link ServiceLoader} ({@code META-INF/services/io.webpubsub.emulator.spi.EmulatorProvider}):
 * through the thread's context class loader first (the application's loader when the emulator is embedded in an
 * application), then through the loader of this class.
 */
public abstract class EmulatorProvider {

    /** For the emulator's implementation only. */
    protected EmulatorProvider() {
    }

    /**
     * Finds the implementation.
     *
     * @return the implementation
     * @throws IllegalStateException if none is found (the jar was repackaged without its {@code META-INF/services}
     *         entry) or it cannot be loaded
     */
    public static EmulatorProvider provider() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader own = EmulatorProvider.class.getClassLoader();
        for (ClassLoader loader : context == null || context == own ? new ClassLoader[] {own}
                : new ClassLoader[] {context, own}) {
            try {
                Iterator<EmulatorProvider> found = ServiceLoader.load(EmulatorProvider.class, loader).iterator();
                if (found.hasNext()) {
                    return found.next();
                }
            } catch (ServiceConfigurationError e) {
                throw new IllegalStateException("Cannot load the Web PubSub emulator's implementation ("
                        + EmulatorProvider.class.getName() + "): " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("No implementation of " + EmulatorProvider.class.getName() + " found: the"
                + " io.webpubsub:webpubsub-emulator jar must be on the class path with its META-INF/services entries"
                + " (keep them when shading or repackaging it)");
    }

    /**
     * Starts a server.
     *
     * @param settings every option of {@code WebPubSubEmulator.Builder} by its name (e.g. {@code "host"}), checked
     * @return the running server
     * @throws Exception when the server cannot start (e.g. the port is taken)
     */
    public abstract Server start(Map<String, Object> settings) throws Exception;

    /** A running server, as {@code WebPubSubEmulator} drives it (each method is documented there). */
    public interface Server extends AutoCloseable {

        /** @return the bound port */
        int port();

        /** @return the primary access key */
        String primaryKey();

        /**
         * @param hub the hub
         * @param handlers its event handlers
         */
        void eventHandlers(String hub, List<EventHandler> handlers);

        /** @param defaults the event handlers of hubs without their own */
        void eventHandlerDefaults(Function<String, List<EventHandler>> defaults);

        /** @return the REST operation names, lower case */
        Set<String> restOperations();

        /**
         * Adds a fault rule (the fields of a {@link Fault}).
         *
         * @param rest REST operations, else event-handler calls
         * @param names the operations or events
         * @param hub the hub, or null for any
         * @param status the status to answer, or 0
         * @param retryAfter the {@code Retry-After} to send, or null
         * @param delay the delay, or null
         * @param reset whether the connection is reset
         * @param times how often, or -1 for ever
         */
        void addFault(boolean rest, Set<String> names, String hub, int status, Duration retryAfter, Duration delay,
                boolean reset, int times);

        /** Removes every fault. */
        void clearFaults();

        /**
         * @param hub the hub, or null
         * @param line a line for the live trace
         */
        void trace(String hub, String line);

        /**
         * @param hub the hub
         * @param which the connections to drop
         * @return how many were dropped
         */
        int drop(String hub, Predicate<HubSnapshot.Connection> which);

        /**
         * @param hub the hub
         * @return its state
         */
        HubSnapshot inspect(String hub);

        /** @param inject receives the faults posted to {@code /admin/faults} */
        void adminFaults(Consumer<Fault> inject);

        /** Stops the server. */
        @Override
        void close();
    }
}
