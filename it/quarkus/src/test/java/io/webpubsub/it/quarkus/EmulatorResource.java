package io.webpubsub.it.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.webpubsub.it.scenarios.AppConfig;
import java.util.Map;

/**
 * Gives the Quarkus app the configuration the other runtimes get in their generated
 * microprofile-config.properties, pointing at this test JVM's emulator.
 */
public class EmulatorResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return AppConfig.properties();
    }

    @Override
    public void stop() {
    }
}
