package io.webpubsub.it.weld;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.webpubsub.it.scenarios.Failures;
import io.webpubsub.it.scenarios.Misconfiguration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The emulator is on this deployment's class path, but in the production profile an app without configuration
 * still fails to deploy with the library's message: the emulator is used by itself only in dev and test.
 */
@ExtendWith(ArquillianExtension.class)
class WeldProductionProfileTest {

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "production", managed = false)
    static WebArchive deployment() {
        return WeldDevProfileTest.inProfile("prod");
    }

    @Test
    @RunAsClient
    void inTheProductionProfileTheEmulatorOnTheClassPathIsNotUsed() {
        Exception failure = assertThrows(Exception.class, () -> deployer.deploy("production"));
        Misconfiguration.assertReported(Failures.text(failure), Map.of());
    }
}
