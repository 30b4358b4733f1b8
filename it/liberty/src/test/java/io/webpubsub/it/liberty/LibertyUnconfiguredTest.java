package io.webpubsub.it.liberty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.webpubsub.it.scenarios.AppConfig;
import io.webpubsub.it.scenarios.Misconfiguration;
import io.webpubsub.it.scenarios.arquillian.AppWar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The misconfigured app does not start on Open Liberty, and one message in the server log lists every problem.
 *
 * <p>The library fails the start while the web application's context is initialized, which Liberty reports as
 * "not started" rather than as a failed deployment: Arquillian's deployer would wait for its whole
 * {@code appDeployTimeout}. So the test drops the war into the running server's {@code dropins} itself and polls
 * the log, bounded, for Liberty's verdict. The server is the one Arquillian started for this module.
 */
@ExtendWith(ArquillianExtension.class)
class LibertyUnconfiguredTest {

    private static final String APP = "unconfigured";
    private static final long TIMEOUT_MILLIS = 90_000;

    @Test
    void appWithoutConfigurationFailsToStartWithTheLibrarysMessage() throws IOException, InterruptedException {
        Path server = Path.of(System.getProperty("wlp.home"), "usr/servers/defaultServer");
        Path log = server.resolve("logs/messages.log");
        long before = Files.exists(log) ? Files.size(log) : 0;
        Path war = server.resolve("dropins/" + APP + ".war");
        Path staged = Files.createTempFile(Path.of("target"), APP, ".war");
        AppWar.create(APP, AppConfig.misconfigured()).as(ZipExporter.class).exportTo(staged.toFile(), true);
        // moved in whole, so that Liberty never reads a half-written war
        Files.move(staged, war, StandardCopyOption.ATOMIC_MOVE);
        try {
            String report = awaitVerdict(log, before);
            assertTrue(report.contains("CWWKZ0012I: The application " + APP + " was not started"), report);
            Misconfiguration.assertReported(report);
        } finally {
            Files.deleteIfExists(war);
        }
    }

    /** The log written since {@code before}, once Liberty says the app did not start (or started), bounded. */
    private static String awaitVerdict(Path log, long before) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        String text = "";
        while (System.currentTimeMillis() < deadline) {
            text = since(log, before);
            if (text.contains("CWWKZ0012I: The application " + APP) || text.contains("CWWKZ0001I: Application " + APP)
                    || text.contains("CWWKZ0002E") && text.contains(APP)) {
                return text;
            }
            Thread.sleep(200);
        }
        return text;
    }

    private static String since(Path log, long before) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        byte[] all = Files.readAllBytes(log);
        return all.length <= before ? "" : new String(all, (int) before, all.length - (int) before,
                StandardCharsets.UTF_8);
    }
}
