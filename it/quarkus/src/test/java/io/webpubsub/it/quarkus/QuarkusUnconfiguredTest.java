package io.webpubsub.it.quarkus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.webpubsub.it.scenarios.AppConfig;
import io.webpubsub.it.scenarios.Misconfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The app, packaged by the Quarkus build of this module (target/quarkus-app), started as a production jar without
 * any hub connection, with a malformed upstream key and a malformed emulator key: it must not start, and one
 * failure must list every problem. On Quarkus the library's extension runs at
 * build time, so this is the check the library makes when the application starts. Runs in the integration-test
 * phase, after the package phase built the jar.
 */
class QuarkusUnconfiguredTest {

    @Test
    void appWithoutConfigurationFailsToStartWithTheLibrarysMessage() throws IOException, InterruptedException {
        assertFailsToStart(AppConfig.misconfigured());
    }

    /** The emulator is in the jar (a dependency of this module), but a production start never uses it by itself. */
    @Test
    void theEmulatorInTheJarDoesNotServeAProductionStart() throws IOException, InterruptedException {
        Map<String, String> config = new LinkedHashMap<>(AppConfig.misconfigured());
        config.remove("azure.webpubsub.emulator.enabled");
        assertFailsToStart(config);
    }

    private static void assertFailsToStart(Map<String, String> config) throws IOException, InterruptedException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-Dquarkus.http.port=0", "-Dquarkus.http.host=127.0.0.1"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Path output = Files.createTempFile("quarkus-unconfigured", ".log");
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            // a failed start ends the process; a started app would keep running until destroyed below
            boolean ended = app.waitFor(120, TimeUnit.SECONDS);
            String log = Files.readString(output, StandardCharsets.UTF_8);
            assertFalse(log.contains("Listening on"), "the app started:\n" + log);
            assertTrue(ended, "the app neither started nor ended within 120 s:\n" + log);
            assertNotEquals(0, app.exitValue(), log);
            Misconfiguration.assertReported(log, config);
        } finally {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(output);
        }
    }
}
