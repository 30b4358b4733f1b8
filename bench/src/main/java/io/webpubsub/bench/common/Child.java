package io.webpubsub.bench.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fresh JVM running one bench main. It talks by lines: the parent writes commands to its stdin, the child
 * answers on stdout; stderr goes to {@code target/bench-logs/<name>.log}. Closing stdin tells the child to stop;
 * a child that does not stop within 15 s is destroyed.
 */
public final class Child implements AutoCloseable {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private static final String TASKSET = findTaskset();

    private final String name;
    private final Process process;
    private final PrintWriter in;
    private final BlockingQueue<String> out = new LinkedBlockingQueue<>();
    private final long startNanos;

    private Child(String name, Process process, long startNanos) {
        this.name = name;
        this.process = process;
        this.startNanos = startNanos;
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.add(line);
                }
            } catch (IOException ignored) {
                // the child died; expect() times out or sees EOF
            }
            out.add("\u0000EOF");
        }, "child-out-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with the bench's own classpath. */
    public static Child start(String name, List<String> jvmArgs, String mainClass, String... args) {
        return start(name, System.getProperty("java.class.path"), jvmArgs, mainClass, args);
    }

    /** Starts {@code mainClass} on an explicit classpath (cold start, dependency isolation). */
    public static Child start(String name, String classpath, List<String> jvmArgs, String mainClass, String... args) {
        return startPinned(null, name, classpath, jvmArgs, mainClass, args);
    }

    /**
     * As {@link #start(String, String, List, String, String...)}, run under {@code taskset -c cpus} so that it
     * shares no core with the other processes of the benchmark; unpinned when {@code cpus} is null or taskset is
     * missing ({@link #pinning()} tells which).
     */
    public static Child startPinned(String cpus, String name, String classpath, List<String> jvmArgs,
            String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        if (cpus != null && TASKSET != null) {
            cmd.addAll(List.of(TASKSET, "-c", cpus));
        }
        cmd.add(JAVA);
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        try {
            Path logs = Path.of("target", "bench-logs");
            Files.createDirectories(logs);
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
            long t0 = System.nanoTime();
            return new Child(name, pb.start(), t0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts any command (e.g. a server's launch script), its stdout read as a JVM child's; {@code env} is added to
     * the environment. Stop it with {@link #destroyTree()} when stdin means nothing to it.
     */
    public static Child command(String name, List<String> cmd, java.util.Map<String, String> env) {
        try {
            Path logs = Path.of("target", "bench-logs");
            Files.createDirectories(logs);
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            return new Child(name, pb.start(), t0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Terminates the process and every descendant (SIGTERM, then SIGKILL after 30 s) and waits until all are gone:
     * a launch script's JVM must not outlive the measurement.
     */
    public void destroyTree() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                all.forEach(ProcessHandle::destroyForcibly);
                return;
            }
        }
    }

    private static String findTaskset() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, "taskset");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    /** Whether {@link #startPinned} can pin (taskset found), for the method line above a table. */
    public static boolean pinning() {
        return TASKSET != null;
    }

    public long startNanos() {
        return startNanos;
    }

    public long pid() {
        return process.pid();
    }

    public void send(String command) {
        in.println(command);
    }

    /** The next stdout line starting with {@code prefix} (others are skipped), without the prefix. */
    public String expect(String prefix, long timeoutSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            long left = deadline - System.nanoTime();
            String line;
            try {
                line = left <= 0 ? null : out.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + name);
            }
            if (line == null) {
                throw new IllegalStateException(name + ": no '" + prefix + "' within " + timeoutSeconds
                        + " s (see target/bench-logs/" + name + ".log)");
            }
            if (line.equals("\u0000EOF")) {
                out.add(line);
                throw new IllegalStateException(name + " exited before '" + prefix + "' (see target/bench-logs/"
                        + name + ".log)");
            }
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
    }

    @Override
    public void close() {
        in.close();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Blocks until stdin closes (the parent went away or asked us to stop). For child mains. */
    public static void awaitStdinClose() throws IOException {
        while (System.in.read() >= 0) {
            // drain
        }
    }
}
