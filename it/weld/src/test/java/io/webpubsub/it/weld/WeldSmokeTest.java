package io.webpubsub.it.weld;

import io.webpubsub.it.scenarios.AppConfig;
import io.webpubsub.it.scenarios.SmokeScenarios;
import io.webpubsub.it.scenarios.arquillian.AppWar;
import jakarta.inject.Inject;
import java.net.URI;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class WeldSmokeTest implements SmokeScenarios {

    @Inject
    JaxrsServer server;

    @Deployment
    static WebArchive app() {
        return WeldDeployment.of(AppWar.create("smoke", AppConfig.properties("unused")));
    }

    @Override
    public URI appUri() {
        return server.uri();
    }
}
