package io.webpubsub.it.payara;

import io.webpubsub.it.scenarios.HealthScenarios;
import io.webpubsub.it.scenarios.AppConfig;
import io.webpubsub.it.scenarios.arquillian.AppWar;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The library's readiness checks on Payara Micro (its built-in MicroProfile Health, {@code /health/ready}). */
@ExtendWith(ArquillianExtension.class)
class PayaraHealthTest implements HealthScenarios {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AppWar.create("readiness", AppConfig.properties());
    }

    @Override
    public URI appUri() {
        // Payara reports the machine's address, but its listener is bound to loopback (preboot.asadmin)
        return URI.create("http://127.0.0.1:" + base.getPort() + base.getPath());
    }
}
