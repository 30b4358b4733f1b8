package io.webpubsub.it.weld;

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

/** The misconfigured app does not boot on Weld, and one failure lists every problem. */
@ExtendWith(ArquillianExtension.class)
class WeldUnconfiguredTest {

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "unconfigured", managed = false)
    static WebArchive deployment() {
        return WeldDeployment.of(AppWar.create("unconfigured", AppConfig.misconfigured()));
    }

    @Test
    @RunAsClient
    void appWithoutConfigurationFailsToBootWithTheLibrarysMessage() {
        Exception failure = assertThrows(Exception.class, () -> deployer.deploy("unconfigured"));
        Misconfiguration.assertReported(Failures.text(failure));
    }
}
