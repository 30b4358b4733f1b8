package io.webpubsub.it.liberty.telemetry;

import io.webpubsub.it.scenarios.TelemetryScenarios;
import io.webpubsub.it.scenarios.arquillian.AppWar;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The library's spans and metrics on Open Liberty with mpTelemetry-2.0: the library finds the runtime's
 * {@code OpenTelemetry} bean (the application enables the SDK and sees the API through third-party visibility), and
 * what it records reaches an OTLP receiver on loopback.
 */
@ExtendWith(ArquillianExtension.class)
class LibertyTelemetryTest implements TelemetryScenarios {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AppWar.create("telemetry", TelemetryScenarios.properties());
    }

    @Override
    public URI appUri() {
        return URI.create(base.toString());
    }
}
