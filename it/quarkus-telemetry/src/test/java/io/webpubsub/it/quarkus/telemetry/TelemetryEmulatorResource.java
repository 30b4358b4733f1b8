package io.webpubsub.it.quarkus.telemetry;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.webpubsub.it.scenarios.AppConfig;
import io.webpubsub.it.scenarios.ProbeService;
import java.util.HashMap;
import java.util.Map;

/**
 * The app's settings, pointing hub {@code chat} at this test JVM's emulator and hub {@code news} at a
 * {@link ProbeService} that records the trace context each REST call carries.
 */
public class TelemetryEmulatorResource implements QuarkusTestResourceLifecycleManager {

    static final String PROBE_KEY = "it.probe.endpoint";

    private ProbeService probe;

    @Override
    public Map<String, String> start() {
        probe = new ProbeService();
        Map<String, String> properties = new HashMap<>(AppConfig.properties());
        properties.put("azure.webpubsub.hubs.news.connection-string", probe.connectionString());
        properties.put(PROBE_KEY, probe.endpoint());
        return properties;
    }

    @Override
    public void stop() {
        if (probe != null) {
            probe.close();
        }
    }
}
