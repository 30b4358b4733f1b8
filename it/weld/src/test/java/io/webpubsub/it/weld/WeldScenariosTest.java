package io.webpubsub.it.weld;

import io.webpubsub.it.scenarios.AllScenarios;
import io.webpubsub.it.scenarios.AppConfig;
import io.webpubsub.it.scenarios.arquillian.AppWar;
import jakarta.inject.Inject;
import java.net.URI;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scenario suite on Weld embedded. Its upstream scenarios are also the library's end-to-end test of the
 * event side: the emulator calls the app's endpoint, a real WebSocket client gets its userId and groups from the
 * connect handler and the handler's reply to its message, and its disconnect is observed.
 */
@ExtendWith(ArquillianExtension.class)
class WeldScenariosTest implements AllScenarios {

    @Inject
    JaxrsServer server;

    @Deployment
    static WebArchive deployment() {
        return WeldDeployment.of(AppWar.create("it", AppConfig.properties()));
    }

    @Override
    public URI appUri() {
        return server.uri();
    }
}
