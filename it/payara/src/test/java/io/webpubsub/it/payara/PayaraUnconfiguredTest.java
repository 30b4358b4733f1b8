package io.webpubsub.it.payara;

import io.webpubsub.it.scenarios.AppConfig;
import io.webpubsub.it.scenarios.Misconfiguration;
import io.webpubsub.it.scenarios.arquillian.AppWar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The misconfigured app does not start on Payara Micro, and one message lists every problem. The Arquillian
 * container does not report a failed deployment (Payara Micro keeps running without the app), so the test reads
 * what the Payara process printed, which the container forwards to this JVM's standard output.
 */
@ExtendWith(ArquillianExtension.class)
class PayaraUnconfiguredTest {

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "unconfigured", managed = false, testable = false)
    static WebArchive deployment() {
        return AppWar.create("unconfigured", AppConfig.misconfigured());
    }

    @Test
    @RunAsClient
    void appWithoutConfigurationFailsToStartWithTheLibrarysMessage() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        try {
            try {
                deployer.deploy("unconfigured");
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        } finally {
            System.setOut(original);
        }
        Misconfiguration.assertReported(captured.toString(StandardCharsets.UTF_8));
    }

    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public synchronized void write(int c) throws IOException {
            copy.write(c);
            console.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws IOException {
            copy.write(bytes, off, len);
            console.write(bytes, off, len);
        }
    }
}
