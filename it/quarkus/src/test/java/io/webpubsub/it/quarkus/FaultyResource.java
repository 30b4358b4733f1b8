package io.webpubsub.it.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.webpubsub.it.scenarios.FaultToleranceScenarios;
import java.util.Map;

/** The app's configuration for {@link QuarkusFaultToleranceTest}: hub faulty on the faulty service. */
public class FaultyResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return FaultToleranceScenarios.properties();
    }

    @Override
    public void stop() {
    }
}
