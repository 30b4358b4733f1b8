package io.webpubsub.emulator.impl.cli;

import io.webpubsub.emulator.WebPubSubEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @Test
    void flagsBuildTheEmulator() {
        Main.Options o = options("--port", "0", "--host=127.0.0.1", "--access-key", "K".repeat(32),
                "--event-handler", "chat=http://127.0.0.1:9/{event}", "--user-events", "chat=*",
                "--system-events", "chat=connect,connected", "--anonymous", "chat", "--keep-alive", "5",
                "--recovery-window", "10", "--pending-connect-limit", "7", "--outbound-queue-bytes=4096",
                "--entra-tokens", "--live-trace");
        assertEquals(0, o.port);
        assertEquals(7, o.pendingConnectLimit);
        assertEquals(4096, o.outboundQueueBytes);
        assertEquals("K".repeat(32), o.accessKey);
        assertEquals("[EventHandler[http://127.0.0.1:9/{event}, userEvents=*, systemEvents=[connect, connected]]]",
                o.handlers.get("chat").toString());
        assertEquals(List.of("chat"), o.anonymous);
        assertEquals(5, o.keepAlive.toSeconds());
        assertEquals(10, o.recoveryWindow.toSeconds());
        assertTrue(o.entraTokens);
        assertTrue(o.liveTrace);
        try (WebPubSubEmulator e = o.toBuilder(System.out).start()) {
            assertTrue(e.connectionString().endsWith(";AccessKey=" + "K".repeat(32) + ";Version=1.0;"));
        }
    }

    @Test
    void configFileThenFlags(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("emulator.properties");
        Files.writeString(file, String.join("\n",
                "port=7123", "access-key=" + "C".repeat(40), "live-trace=true",
                "hubs.chat.anonymous=true",
                "hubs.chat.event-handlers.0.url=http://127.0.0.1:8080/a/{event}",
                "hubs.chat.event-handlers.0.system-events=connect",
                "hubs.chat.event-handlers.1.url=http://127.0.0.1:8080/b/{event}",
                "hubs.chat.event-handlers.1.user-events=message"));
        Main.Options o = options("--config", file.toString(), "--port", "0");
        assertEquals(0, o.port);
        assertEquals("C".repeat(40), o.accessKey);
        assertTrue(o.liveTrace);
        assertEquals(List.of("chat"), o.anonymous);
        assertEquals("[EventHandler[http://127.0.0.1:8080/a/{event}, userEvents=, systemEvents=[connect]], "
                + "EventHandler[http://127.0.0.1:8080/b/{event}, userEvents=message, systemEvents=[]]]",
                o.handlers.get("chat").toString());
    }

    @Test
    void badInputNamesTheOption(@TempDir Path dir) throws Exception {
        assertEquals("Unknown option --nope", assertThrows(IllegalArgumentException.class, () -> options("--nope", "1"))
                .getMessage());
        assertEquals("--port needs a value", assertThrows(IllegalArgumentException.class, () -> options("--port"))
                .getMessage());
        assertEquals("--port must be an integer, got 'x'", assertThrows(IllegalArgumentException.class, () ->
                options("--port", "x")).getMessage());
        assertEquals("--user-events chat=...: add an --event-handler for hub chat first",
                assertThrows(IllegalArgumentException.class, () -> options("--user-events", "chat=*")).getMessage());
        assertEquals("--event-handler expects <hub>=<value>, got 'http://x'",
                assertThrows(IllegalArgumentException.class, () -> options("--event-handler", "http://x"))
                .getMessage());
        assertEquals("Unknown system event 'hello'; expected one of [connect, connected, disconnected, joined, left]",
                assertThrows(IllegalArgumentException.class, () -> options("--event-handler", "c=http://x/{event}",
                        "--system-events", "c=hello")).getMessage());
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "colour=blue\n");
        assertEquals("Unknown key in config file: colour",
                assertThrows(IllegalArgumentException.class, () -> options("--config", file.toString())).getMessage());
        assertEquals("accessKey must have at least 32 bytes",
                assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[]{"--access-key", "short"},
                System.out)).getMessage());
    }

    private static Main.Options options(String... args) {
        Main.Options o = new Main.Options();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.contains("=") && flag.startsWith("--")) {
                o.apply(flag.substring(0, flag.indexOf('=')), flag.substring(flag.indexOf('=') + 1));
            } else if (flag.equals("--entra-tokens") || flag.equals("--live-trace")) {
                o.apply(flag, null);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                o.apply(flag, args[++i]);
            }
        }
        return o;
    }

    @Test
    void standaloneProcessPrintsTheConnectionString() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertTrue(first.startsWith("Azure Web PubSub emulator listening on http://127.0.0.1:"), first);
            String second = out.readLine();
            assertTrue(second.matches("Endpoint=http://127\\.0\\.0\\.1:\\d+;AccessKey="
                    + WebPubSubEmulator.DEFAULT_ACCESS_KEY
                    + ";Version=1\\.0;"), second);
        } finally {
            p.destroy();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void helpListsEveryFlag() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Main.main(new String[]{"--help"});
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            System.setOut(old);
        }
        String help = bytes.toString(StandardCharsets.UTF_8);
        for (String flag : List.of("--host", "--port", "--access-key", "--secondary-access-key", "--event-handler",
                "--user-events", "--system-events", "--anonymous", "--keep-alive", "--recovery-window",
                "--entra-tokens",
                "--live-trace", "--config", "--help", "--pending-connect-limit", "--outbound-queue-bytes")) {
            assertTrue(help.contains(flag + " "), flag);
        }
    }
}
