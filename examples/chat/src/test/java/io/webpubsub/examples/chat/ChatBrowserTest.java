package io.webpubsub.examples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The chat in a real browser: headless Chromium driven by Playwright ({@code src/test/browser/chat-test.mjs}) against
 * the running app on the embedded emulator. Fails, never skips, when Chromium or Node.js is missing.
 */
@QuarkusTest
class ChatBrowserTest {

    private static final Path SOURCES = Path.of("src/test/browser");
    private static final Path WORK = Path.of("target/browser-test");

    @TestHTTPResource("/")
    URL app;

    @Test
    void twoUsersInOneRoomTalkWhileAThirdInAnotherRoomSeesNothing() throws Exception {
        Path browser = Path.of(System.getProperty("chat.browser", "/usr/bin/chromium"));
        assertTrue(Files.isExecutable(browser), "No Chromium at " + browser
                + ": install Debian's chromium (apt-get install chromium) or pass -Dchat.browser=<path>");

        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "chat-test.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        run(5, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        String output = run(3, "node", "chat-test.mjs", app.toString(), browser.toString(),
                Path.of("target").toAbsolutePath().toString());
        assertTrue(output.contains("chat browser test passed"), output);
        assertTrue(Files.size(Path.of("target/chat.png")) > 10_000, "the screenshot is missing or empty");
    }

    private static String run(int minutes, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(WORK.toAbsolutePath(), command[0], ".log");
        Process process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(minutes, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("$ " + String.join(" ", command) + "\n" + output);
        assertTrue(finished, String.join(" ", command) + " did not finish in " + minutes + " minutes:\n" + output);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
