package io.webpubsub.it.liberty;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.webpubsub.it.scenarios.AppConfig;
import io.webpubsub.it.scenarios.Misconfiguration;
import io.webpubsub.it.scenarios.arquillian.AppWar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The misconfigured app does not start on Open Liberty, and one message in the server log lists every problem. */
@ExtendWith(ArquillianExtension.class)
class LibertyUnconfiguredTest {

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "unconfigured", managed = false, testable = false)
    static WebArchive deployment() {
        return AppWar.create("unconfigured", AppConfig.misconfigured());
    }

    @Test
    @RunAsClient
    void appWithoutConfigurationFailsToStartWithTheLibrarysMessage() throws Exception {
        Path log = Path.of(System.getProperty("wlp.home"), "usr/servers/defaultServer/logs/messages.log");
        long before = Files.exists(log) ? Files.size(log) : 0;
        assertThrows(Exception.class, () -> deployer.deploy("unconfigured"));
        byte[] all = Files.readAllBytes(log);
        Misconfiguration.assertReported(new String(all, (int) before, all.length - (int) before,
                StandardCharsets.UTF_8));
    }
}
