package io.webpubsub.bench.common;

import java.util.List;

/** Starts the servers the client benchmarks run against, each in its own JVM. */
public final class Targets {
    /** The access key every benchmark uses (≥ 32 bytes, as HS256 and the emulator require). */
    public static final String KEY = "BenchBenchBenchBenchBenchBenchBenchBench0123";
    public static final String HUB = "bench";

    private Targets() {
    }

    /**
     * {@code 202}: the bare Jetty server answering 202; {@code jetty-ws}: the bare Jetty WebSocket broadcast floor;
     * {@code emulator}: our emulator. All on the emulator's own runtime classpath (Jetty, JSON-P), as the
     * standalone emulator runs, so that classpath size affects none of them differently.
     */
    public static Child start(String target, String heap) {
        return start(target, heap, null);
    }

    /** As {@link #start(String, String)}, pinned to {@code cpus} (null: unpinned; see {@link Child#startPinned}). */
    public static Child start(String target, String heap, String cpus) {
        // pinned to one CPU the JVM would pick the serial GC; keep the collector it uses unpinned on this machine
        List<String> jvm = cpus == null ? List.of("-Xms" + heap, "-Xmx" + heap)
                : List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC");
        String cp = Deps.classpath(Deps.jars("emulator"));
        return switch (target) {
            case "202" -> Child.startPinned(cpus, "server-202", cp, jvm, FloorServer.class.getName());
            case "jetty-ws" -> Child.startPinned(cpus, "server-jetty-ws", cp, jvm, FloorServer.class.getName(), "--ws");
            case "emulator" -> Child.startPinned(cpus, "server-emulator", cp, jvm,
                    "io.webpubsub.bench.emulator.EmulatorMain", KEY, HUB);
            default -> throw new IllegalArgumentException("unknown target " + target);
        };
    }
}
