package io.webpubsub.it.payara.telemetry;

import io.webpubsub.it.scenarios.TelemetryScenarios;
import io.webpubsub.it.scenarios.arquillian.AppWar;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The library's spans and metrics on Payara Micro with its MicroProfile Telemetry 1.1: the app enables the SDK by
 * MicroProfile Config, the library finds the runtime's {@code OpenTelemetry} bean, and what it records reaches an
 * OTLP/HTTP receiver on loopback. Payara documents tracing only for Telemetry 1.1, but the application's SDK,
 * configured from the app's {@code otel.*} properties, exports metrics too.
 */
@ExtendWith(ArquillianExtension.class)
class PayaraTelemetryTest implements TelemetryScenarios {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AppWar.create("telemetry", TelemetryScenarios.properties());
    }

    @Override
    public URI appUri() {
        // Payara reports the machine's address, but its listener is bound to loopback (payara/.../preboot.asadmin)
        return URI.create("http://127.0.0.1:" + base.getPort() + base.getPath());
    }

    /** Payara's REST client spans follow the HTTP semantic conventions from before they were stable. */
    @Override
    public List<String> httpMethodAndStatusKeys() {
        return List.of("http.method", "http.status_code");
    }
}
