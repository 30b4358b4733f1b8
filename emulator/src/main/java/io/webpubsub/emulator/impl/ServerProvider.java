package io.webpubsub.emulator.impl;

import io.webpubsub.emulator.EventHandler;
import io.webpubsub.emulator.Fault;
import io.webpubsub.emulator.HubSnapshot;
import io.webpubsub.emulator.impl.fault.FaultRules;
import io.webpubsub.emulator.spi.EmulatorProvider;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/** The emulator's {@link EmulatorProvider}: starts an {@link EmulatorServer} from the builder's checked options. */
public final class ServerProvider extends EmulatorProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public ServerProvider() {
    }

    @Override
    @SuppressWarnings("unchecked")
    public Server start(Map<String, Object> o) throws Exception {
        EmulatorSettings settings = new EmulatorSettings((String) o.get("host"), (Integer) o.get("port"),
                (String) o.get("accessKey"), (String) o.get("secondaryAccessKey"),
                (Map<String, List<EventHandler>>) o.get("eventHandlers"), (Set<String>) o.get("anonymousHubs"),
                (Duration) o.get("keepAliveInterval"), (Duration) o.get("recoveryWindow"),
                (Boolean) o.get("entraTokens"), (Consumer<String>) o.get("liveTrace"),
                (List<Duration>) o.get("upstreamRetryDelays"), (Duration) o.get("upstreamTimeout"),
                (Integer) o.get("outboundQueueLimit"), (Long) o.get("outboundQueueBytes"),
                (Integer) o.get("pendingConnectLimit"), (Integer) o.get("deliveryHistory"));
        return new Running(new EmulatorServer(settings));
    }

    private record Running(EmulatorServer server) implements Server {

        @Override
        public int port() {
            return server.port();
        }

        @Override
        public String primaryKey() {
            return server.engine().settings().primaryKey();
        }

        @Override
        public void eventHandlers(String hub, List<EventHandler> handlers) {
            server.engine().eventHandlers(hub, handlers);
        }

        @Override
        public void eventHandlerDefaults(Function<String, List<EventHandler>> defaults) {
            server.engine().eventHandlerDefaults(defaults);
        }

        @Override
        public Set<String> restOperations() {
            return server.restOperations();
        }

        @Override
        public void addFault(boolean rest, Set<String> names, String hub, int status, Duration retryAfter,
                Duration delay, boolean reset, int times) {
            server.engine().faults().add(new FaultRules.Rule(rest ? FaultRules.Target.REST
                    : FaultRules.Target.UPSTREAM, names, hub, status, retryAfter, delay, reset, times));
        }

        @Override
        public void clearFaults() {
            server.engine().faults().clear();
        }

        @Override
        public void trace(String hub, String line) {
            server.engine().trace().log(hub, line);
        }

        @Override
        public int drop(String hub, Predicate<HubSnapshot.Connection> which) {
            return server.engine().drop(hub, which);
        }

        @Override
        public HubSnapshot inspect(String hub) {
            return server.engine().hub(hub).snapshot();
        }

        @Override
        public void adminFaults(Consumer<Fault> inject) {
            server.adminFaults(inject);
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
