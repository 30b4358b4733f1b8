package io.webpubsub.mp.impl.telemetry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;

import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.Config;

import io.webpubsub.mp.impl.config.HubConfig;
import io.webpubsub.mp.impl.config.Keys;
import io.webpubsub.mp.impl.config.SettingsResolver;

/**
 * The narrow interface the clients and the upstream endpoint report through. The OpenTelemetry instance is the
 * CDI bean the runtime provides (MicroProfile Telemetry), else {@code GlobalOpenTelemetry}; without the
 * OpenTelemetry API on the class path, or with {@code azure.webpubsub.telemetry.enabled=false}, nothing is
 * recorded and nothing of OpenTelemetry is loaded.
 */
public final class Telemetry {

    private static final boolean API_PRESENT = present("io.opentelemetry.api.OpenTelemetry");
    /**
     * quarkus-opentelemetry traces the Vert.x HTTP client under every REST client and adds its own traceparent
     * line below the JAX-RS filters, where the library's filter cannot see it: the library must not add one.
     */
    static final boolean QUARKUS_PROPAGATES = present("io.quarkus.opentelemetry.runtime.QuarkusContextStorage");

    private Telemetry() {
    }

    /**
     * Telemetry of the hub clients.
     *
     * @param beans where to look up the runtime's {@code OpenTelemetry} bean, or null for the global one
     * @param config the configuration, for {@code telemetry.enabled}
     * @return the client telemetry; {@link Clients#OFF} without the OpenTelemetry API
     */
    public static Clients clients(Instance<Object> beans, Config config) {
        return API_PRESENT ? new OtelClients(OtelLookup.find(beans), hub -> enabled(config, hub)) : Clients.OFF;
    }

    /**
     * Telemetry of the upstream endpoint.
     *
     * @param beans where to look up the runtime's {@code OpenTelemetry} bean
     * @param config the configuration, for {@code telemetry.enabled}
     * @return the upstream telemetry; {@link Upstream#OFF} without the OpenTelemetry API
     */
    public static Upstream upstream(Instance<Object> beans, Config config) {
        return API_PRESENT ? new OtelUpstream(OtelLookup.find(beans), hub -> enabled(config, hub)) : Upstream.OFF;
    }

    /** @return whether the OpenTelemetry API is on the class path */
    static boolean apiPresent() {
        return API_PRESENT;
    }

    /**
     * {@code telemetry.enabled} of the hub, else the global value; hub null: the global value. A malformed value
     * counts as the default; the start-up check reports it.
     */
    private static boolean enabled(Config config, String hub) {
        if (config == null) {
            return true;
        }
        if (hub != null) {
            return SettingsResolver.telemetry(config, hub, new ArrayList<>());
        }
        try {
            return config.getOptionalValue(HubConfig.globalKey(Keys.TELEMETRY_ENABLED), String.class)
                    .map(SettingsResolver::bool).orElse(true);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static boolean present(String type) {
        try {
            Class.forName(type, false, Telemetry.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Telemetry of the hub clients of an application. */
    public interface Clients {

        /** Records nothing. */
        Clients OFF = (hub, endpoint) -> Hub.OFF;

        /**
         * @param hub the hub
         * @param endpoint the service endpoint (scheme, host, port), for {@code server.address}
         * @return the telemetry of the hub's operations
         */
        Hub hub(String hub, String endpoint);
    }

    /** Telemetry of one hub's operations. */
    public interface Hub {

        /** Records nothing. */
        Hub OFF = new Hub() {
            @Override
            public Operation start(String operation) {
                return Operation.OFF;
            }

            @Override
            public Object restClientFilter() {
                return null;
            }

            @Override
            public ExecutorService propagating(ExecutorService executor) {
                return executor;
            }
        };

        /**
         * Starts an operation: its span begins now, as a child of the caller's current context.
         *
         * @param operation the operation name, e.g. {@code sendToGroup}
         * @return the operation
         */
        Operation start(String operation);

        /**
         * @return a Jakarta REST client filter that propagates the trace context and notes each response status,
         *         or null when nothing is recorded
         */
        Object restClientFilter();

        /**
         * @param executor the executor a blocking REST client runs asynchronous requests on
         * @return an executor whose tasks see the submitting thread's trace context and attempt
         */
        ExecutorService propagating(ExecutorService executor);
    }

    /** One operation, possibly of several attempts. */
    public interface Operation {

        /** Records nothing. */
        Operation OFF = new Operation() {
            @Override
            public Attempt attempt() {
                return () -> { };
            }

            @Override
            public void retry(RuntimeException cause, Duration delay) {
                // nothing recorded
            }

            @Override
            public void end(Throwable failure) {
                // nothing recorded
            }
        };

        /**
         * Makes the operation current on this thread for one attempt.
         *
         * @return closes the attempt's scope
         */
        Attempt attempt();

        /**
         * A failed attempt is retried.
         *
         * @param cause what the attempt failed with
         * @param delay the wait before the next attempt
         */
        void retry(RuntimeException cause, Duration delay);

        /**
         * Ends the operation; later calls are ignored.
         *
         * @param failure what it failed with, or null on success
         */
        void end(Throwable failure);
    }

    /** The scope of one attempt. */
    public interface Attempt extends AutoCloseable {
        @Override
        void close();
    }

    /** Telemetry of the upstream endpoint. */
    public interface Upstream {

        /** Records nothing. */
        Upstream OFF = (headers, knownHub) -> (status) -> { };

        /**
         * Starts the span of an event request, current on this thread until {@link Event#end(int)}.
         *
         * @param headers the request headers, names in lower case
         * @param knownHub whether a hub name is one the application handles (others are not metric values)
         * @return the event
         */
        Event start(Map<String, List<String>> headers, Predicate<String> knownHub);
    }

    /** One upstream event request. */
    public interface Event {

        /**
         * Ends the event request.
         *
         * @param status the HTTP status answered to the service
         */
        void end(int status);
    }
}
