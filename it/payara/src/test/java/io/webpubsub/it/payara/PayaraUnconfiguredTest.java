package io.webpubsub.it.payara;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.webpubsub.it.scenarios.AppConfig;
import io.webpubsub.it.scenarios.Failures;
import io.webpubsub.it.scenarios.Misconfiguration;
import io.webpubsub.it.scenarios.arquillian.AppWar;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The app without configuration does not start on Payara Micro, with the library's message. */
@ExtendWith(ArquillianExtension.class)
class PayaraUnconfiguredTest {

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "unconfigured", managed = false, testable = false)
    static WebArchive deployment() {
        return AppWar.create("unconfigured", AppConfig.unconfigured());
    }

    @Test
    @RunAsClient
    void appWithoutConfigurationFailsToBootWithTheLibrarysMessage() {
        Exception failure = assertThrows(Exception.class, () -> deployer.deploy("unconfigured"));
        Misconfiguration.assertReported(Failures.text(failure));
    }
}
