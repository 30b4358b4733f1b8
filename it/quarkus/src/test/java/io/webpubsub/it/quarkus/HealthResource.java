package io.webpubsub.it.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.webpubsub.it.scenarios.HealthScenarios;
import java.util.Map;

/** The app's configuration for {@link QuarkusHealthTest}: hub news on the stoppable service. */
public class HealthResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return HealthScenarios.properties();
    }

    @Override
    public void stop() {
    }
}
