package io.webpubsub.emulator.compat;

import io.webpubsub.emulator.impl.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one script of {@code src/test/node} (official Azure npm packages) and collects what it prints:
 * {@code EVENT <json>} lines, then {@code DONE} or {@code FAIL <reason>} (see {@code lib.js}). The first use installs
 * the pinned packages with {@code npm ci} when {@code node_modules} is missing. The process is killed on close,
 * and every wait is bounded, so a hanging script cannot hang the build.
 */
final class NodeScript implements AutoCloseable {

    static final Path DIRECTORY = Path.of(System.getProperty("basedir", ".")).resolve("src/test/node").toAbsolutePath();
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
    private static boolean installed;

    private final Process process;
    private final String script;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<JsonObject> events = new ArrayList<>();
    private final List<String> transcript = new ArrayList<>();
    private String outcome;

    private NodeScript(String script, Process process) {
        this.script = script;
        this.process = process;
        reader(process.getInputStream(), true).start();
        reader(process.getErrorStream(), false).start();
    }

    /** Starts {@code node <script>} in the node directory with the given extra environment. */
    static NodeScript start(String script, Map<String, String> environment) throws IOException, InterruptedException {
        installPackages();
        ProcessBuilder builder = new ProcessBuilder("node", script).directory(DIRECTORY.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("WPS_TIMEOUT_MS", String.valueOf(SCRIPT_TIMEOUT.toMillis()));
        return new NodeScript(script, builder.start());
    }

    private static synchronized void installPackages() throws IOException, InterruptedException {
        if (installed || Files.isDirectory(DIRECTORY.resolve("node_modules/@azure/web-pubsub-client"))) {
            installed = true;
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(DIRECTORY.toFile()).redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci failed in " + DIRECTORY + ":\n" + output);
        }
        installed = true;
    }

    private Thread reader(InputStream stream, boolean stdout) {
        Thread thread = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    record(stdout ? line : "[stderr] " + line, stdout);
                }
            } catch (IOException e) {
                record("[reader] " + e, false);
            }
            if (stdout) {
                record(null, true);
            }
        }, "node-" + script + (stdout ? "-out" : "-err"));
        thread.setDaemon(true);
        return thread;
    }

    private void record(String line, boolean stdout) {
        lock.lock();
        try {
            if (line == null) {
                if (outcome == null) {
                    outcome = "FAIL output ended without DONE";
                }
            } else {
                transcript.add(line);
                if (stdout && line.startsWith("EVENT ")) {
                    try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(line.substring(6)))) {
                        events.add(reader.readObject());
                    }
                } else if (stdout && (line.equals("DONE") || line.startsWith("FAIL "))) {
                    outcome = line;
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the first event with this name, failing with the transcript if the script ends or time runs out. */
    JsonObject await(String event, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                for (JsonObject e : events) {
                    if (event.equals(e.getString("event"))) {
                        return e;
                    }
                }
                long left = deadline - System.nanoTime();
                if (outcome != null || left <= 0) {
                    throw new AssertionError("no '" + event + "' event from " + script + " ("
                            + describeOutcome() + ")\n"
                            + transcript());
                }
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the script's verdict and asserts it is {@code DONE}. */
    void assertDone() throws InterruptedException {
        long deadline = System.nanoTime() + SCRIPT_TIMEOUT.plusSeconds(5).toNanos();
        lock.lock();
        try {
            while (outcome == null && deadline - System.nanoTime() > 0) {
                changed.awaitNanos(deadline - System.nanoTime());
            }
            if (!"DONE".equals(outcome)) {
                throw new AssertionError(script + " did not succeed (" + describeOutcome() + ")\n" + transcript());
            }
        } finally {
            lock.unlock();
        }
    }

    /** All events with this name, in order. */
    List<JsonObject> events(String event) {
        lock.lock();
        try {
            return events.stream().filter(e -> event.equals(e.getString("event"))).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Writes one line to the script's standard input. */
    void writeLine(String line) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String transcript() {
        lock.lock();
        try {
            return "--- " + script + " output ---\n" + String.join("\n", transcript) + "\n--- end ---";
        } finally {
            lock.unlock();
        }
    }

    private String describeOutcome() {
        return outcome == null ? "still running" : outcome;
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
