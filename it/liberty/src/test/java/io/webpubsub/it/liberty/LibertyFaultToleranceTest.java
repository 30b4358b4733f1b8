package io.webpubsub.it.liberty;

import io.webpubsub.it.scenarios.FaultToleranceScenarios;
import io.webpubsub.it.scenarios.AppConfig;
import io.webpubsub.it.scenarios.arquillian.AppWar;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** MicroProfile Fault Tolerance around the hub client on Open Liberty ({@code mpFaultTolerance-4.1}). */
@ExtendWith(ArquillianExtension.class)
class LibertyFaultToleranceTest implements FaultToleranceScenarios {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AppWar.create("resilience", AppConfig.properties());
    }

    @Override
    public URI appUri() {
        return URI.create(base.toString());
    }
}
