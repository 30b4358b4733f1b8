package io.webpubsub.client.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Node script of {@code src/test/node} (the pinned official npm client, installed with {@code npm ci} on first
 * use). Lines it prints are kept; tests wait for them, bounded. Closing kills the process.
 */
public final class NodeProcess implements AutoCloseable {

    private static final Path DIRECTORY = Path.of(System.getProperty("basedir", ".")).resolve("src/test/node");
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private NodeProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "node-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Runs {@code node <script>} with extra environment variables; stderr goes to the same transcript. */
    public static NodeProcess start(String script, Map<String, String> environment)
            throws IOException, InterruptedException {
        install();
        ProcessBuilder builder = new ProcessBuilder("node", script).directory(DIRECTORY.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new NodeProcess(builder.start());
    }

    private static synchronized void install() throws IOException, InterruptedException {
        if (Files.isDirectory(DIRECTORY.resolve("node_modules/@azure/web-pubsub-client"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIRECTORY.toFile())
                .redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci failed in " + DIRECTORY + ":\n" + output);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Waits for {@code count} lines starting with {@code prefix}; fails early on a {@code FAIL} line. */
    public synchronized List<String> await(String prefix, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> found = lines.stream().filter(l -> l.startsWith(prefix)).toList();
            if (found.size() >= count) {
                return found;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || lines.stream().anyMatch(l -> l.startsWith("FAIL"))) {
                throw new AssertionError("expected " + count + " '" + prefix + "' lines; node printed:\n"
                        + String.join("\n", lines));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Writes a line to the script's stdin. */
    public void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
