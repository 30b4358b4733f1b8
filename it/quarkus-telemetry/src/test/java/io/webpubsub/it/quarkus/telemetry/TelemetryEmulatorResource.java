package io.webpubsub.it.quarkus.telemetry;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.webpubsub.it.scenarios.AppConfig;
import java.util.Map;

/** The app's settings, pointing at this test JVM's emulator. */
public class TelemetryEmulatorResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return AppConfig.properties();
    }

    @Override
    public void stop() {
    }
}
