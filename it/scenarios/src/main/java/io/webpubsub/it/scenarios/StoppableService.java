package io.webpubsub.it.scenarios;

import io.webpubsub.emulator.WebPubSubEmulator;

/**
 * A second emulator of this test JVM, for the one hub whose outage a test causes ({@link HealthScenarios}): it
 * can be stopped and started again on the same loopback port, so the deployed app's configuration stays right.
 */
public final class StoppableService {

    private static StoppableService current;

    private final int port;
    private final String connectionString;
    private WebPubSubEmulator emulator;

    private StoppableService(WebPubSubEmulator emulator) {
        this.emulator = emulator;
        this.port = emulator.port();
        this.connectionString = emulator.connectionString();
    }

    /** The service of this JVM, started on first use on an ephemeral port. */
    public static synchronized StoppableService current() {
        if (current == null) {
            current = new StoppableService(WebPubSubEmulator.builder().port(0).start());
            Runtime.getRuntime().addShutdownHook(new Thread(current::stop, "stoppable-emulator-stop"));
        }
        return current;
    }

    /** The connection string of this service (the same before and after a restart). */
    public String connectionString() {
        return connectionString;
    }

    /** Stops the service: connections are refused until {@link #start()}. */
    public synchronized void stop() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    /** Starts the service again on its port. */
    public synchronized void start() {
        if (emulator == null) {
            emulator = WebPubSubEmulator.builder().port(port).start();
        }
    }
}
