package io.webpubsub.it.scenarios;

import io.webpubsub.emulator.EventHandler;
import io.webpubsub.emulator.WebPubSubEmulator;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The Web PubSub service of this test JVM. By default one emulator on an ephemeral loopback port, started on
 * first use and closed when the JVM's test run ends. With {@code AZURE_WEBPUBSUB_CONNECTION_STRING} set and
 * {@code -Dit.service=azure}, a real Azure Web PubSub resource instead (see it/README.md).
 */
public final class ServiceUnderTest {

    private static ServiceUnderTest current;

    private final WebPubSubEmulator emulator;
    private final String connectionString;

    private ServiceUnderTest(WebPubSubEmulator emulator, String connectionString) {
        this.emulator = emulator;
        this.connectionString = connectionString;
    }

    /** The service of this JVM, started on first use. */
    public static synchronized ServiceUnderTest current() {
        if (current == null) {
            current = start();
        }
        return current;
    }

    private static ServiceUnderTest start() {
        if ("azure".equals(System.getProperty("it.service"))) {
            String cs = System.getenv("AZURE_WEBPUBSUB_CONNECTION_STRING");
            if (cs == null || cs.isBlank()) {
                throw new IllegalStateException("-Dit.service=azure needs AZURE_WEBPUBSUB_CONNECTION_STRING");
            }
            return new ServiceUnderTest(null, cs.trim());
        }
        WebPubSubEmulator.Builder builder = WebPubSubEmulator.builder().port(0);
        if (Boolean.getBoolean("it.trace")) {
            builder.liveTrace(line -> System.out.println("[emulator] " + line));
        }
        WebPubSubEmulator emulator = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-stop"));
        return new ServiceUnderTest(emulator, emulator.connectionString());
    }

    /** Stops the emulator, if this JVM started one. */
    public static synchronized void stop() {
        if (current != null && current.emulator != null) {
            current.emulator.close();
        }
        current = null;
    }

    /** The connection string the app is configured with. */
    public String connectionString() {
        return connectionString;
    }

    /** Whether this is the emulator (which the tests can reconfigure) rather than a real resource. */
    public boolean isEmulator() {
        return emulator != null;
    }

    /**
     * Sends the hub's upstream events to this URL template ({@code {hub}} and {@code {event}} filled in by the
     * service): user events of any name, and connect, connected, disconnected, joined and left. A real resource is
     * configured
     * in the Azure portal instead: there, the scenario is skipped unless {@code AZURE_WEBPUBSUB_EVENT_HANDLER} says
     * the resource's handler already points at the app.
     */
    public void routeEvents(String hub, String urlTemplate) {
        if (emulator == null) {
            Assumptions.assumeTrue(urlTemplate.equals(System.getenv("AZURE_WEBPUBSUB_EVENT_HANDLER")),
                    "the Azure resource's event handler for hub '" + hub + "' is not set to " + urlTemplate);
            return;
        }
        emulator.eventHandlers(hub, List.of(EventHandler.url(urlTemplate).userEvents("*")
                .systemEvents("connect", "connected", "disconnected", "joined", "left")));
    }
}
