package io.webpubsub.mp.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Starts a Web PubSub service inside the application's JVM: the library's <em>embedded default</em>.
 *
 * <p>The library finds implementations with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/io.webpubsub.mp.spi.LocalServiceProvider} entry). The emulator artifact
 * {@code io.webpubsub:webpubsub-emulator} ships one, so putting that artifact on the application's class path is all
 * it takes: hubs that have neither a connection string nor an endpoint are then served by one service on a free
 * loopback port, and hubs with configuration keep talking to the service they are configured for. The service starts
 * when first needed (at boot when the application handles a hub's events, else on the first use of a hub client)
 * and stops with the application. The key {@code azure.webpubsub.emulator.enabled} turns this off ({@code false})
 * or makes it mandatory and starts the service at boot ({@code true}).
 *
 * <p>Implementations must be thread-safe and must not keep state across {@link #start} calls: an application that
 * restarts in the same JVM (Quarkus dev mode, test profiles) closes its service and starts a new one.
 *
 * @since 0.1.0
 */
public interface LocalServiceProvider {

    /**
     * A short name for logs, e.g. {@code "webpubsub-emulator 0.1.0"}.
     *
     * @return the name; never null
     */
    String name();

    /**
     * Starts a service on a free port of the loopback interface.
     *
     * @param upstream where each hub's events go: called with a hub name (as the client used it) when the service
     *        first needs that hub's event handlers, which is no earlier than the hub's first client connection, so
     *        the application can already answer; an empty result means the hub has no event handler and its
     *        clients connect with the values of their access token
     * @return the running service; the caller closes it
     * @throws RuntimeException if the service cannot start
     */
    LocalService start(Function<String, Optional<Upstream>> upstream);

    /**
     * A running local service.
     *
     * @since 0.1.0
     */
    interface LocalService extends AutoCloseable {

        /**
         * The connection string that reaches the service, in the service's format
         * ({@code Endpoint=http://127.0.0.1:<port>;AccessKey=<key>;Version=1.0;}).
         *
         * @return the connection string; contains the access key, so never log it as a whole outside the INFO line
         *         the library writes for the embedded default
         */
        String connectionString();

        /** Stops the service and closes its connections; calling it again does nothing. */
        @Override
        void close();
    }

    /**
     * The event handler of one hub, as in the service's hub settings.
     *
     * @param urlTemplate absolute {@code http} URL; {@code {hub}} and {@code {event}} are replaced per event
     * @param userEventPattern {@code *}, a name or a comma-separated list of names; empty for none
     * @param systemEvents subset of {@code connect}, {@code connected}, {@code disconnected}, {@code joined},
     *        {@code left}
     * @since 0.1.0
     */
    record Upstream(String urlTemplate, String userEventPattern, Set<String> systemEvents) {

        /**
         * Checks and copies the values.
         *
         * @throws NullPointerException if a value is null
         */
        public Upstream {
            Objects.requireNonNull(urlTemplate, "urlTemplate");
            Objects.requireNonNull(userEventPattern, "userEventPattern");
            systemEvents = Set.copyOf(systemEvents);
        }
    }
}
