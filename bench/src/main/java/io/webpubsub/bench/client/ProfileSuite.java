package io.webpubsub.bench.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.webpubsub.bench.common.Child;
import io.webpubsub.bench.common.Machine;
import io.webpubsub.bench.common.Targets;

/**
 * {@code ./run.sh quarkus-profile}: the Quarkus client load (pinned as {@code ./run.sh quarkus}) with a flight
 * recording ({@code settings=profile}: CPU samples every 10 ms, sampled allocations) of the measured part only,
 * one recording per client, each summarised by {@link JfrTop}. Recordings stay in {@code target/jfr/} for
 * {@code jfr print}.
 *
 * <p>Options: {@code --impls} (default ours-async,sdk-async,vertx-async,ours-sync,sdk-sync,vertx-sync),
 * {@code --callers} (64), {@code --warmup} s (40), {@code --measure} s (20), {@code --target} (202),
 * {@code --top} n (15), {@code --pin}.
 */
public final class ProfileSuite {

    private ProfileSuite() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = ClientSuite.options(args);
        boolean smoke = opt.containsKey("smoke");
        List<String> impls = List.of(opt.getOrDefault("impls",
                "ours-async,sdk-async,vertx-async,ours-sync,sdk-sync,vertx-sync").split(","));
        String callers = opt.getOrDefault("callers", "64");
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", smoke ? "3" : "40"));
        int measure = Integer.parseInt(opt.getOrDefault("measure", smoke ? "2" : "20"));
        int top = Integer.parseInt(opt.getOrDefault("top", "15"));
        String target = opt.getOrDefault("target", "202");
        boolean pin = ClientSuite.configure(true, opt);
        Path dir = Files.createDirectories(Path.of("target", "jfr"));
        System.out.println("# JFR profile of the Quarkus client load: " + callers + " in flight, " + measure
                + " s recorded after " + warmup + " s warm-up, target " + target + (pin ? ", pinned" : ", not pinned"));
        System.out.println("# " + Machine.describe());
        try (Child server = Targets.start(target, "1g", ClientSuite.serverCpus())) {
            String endpoint = server.expect("READY", 60);
            for (String impl : impls) {
                Path jfr = dir.resolve(impl + ".jfr").toAbsolutePath();
                Files.deleteIfExists(jfr);
                // the recording starts after the JVM start (a few s) and the warm-up, and covers one round
                String recording = "-XX:StartFlightRecording=settings=profile,delay=" + (warmup + 5) + "s,duration="
                        + (measure - 1) + "s,filename=" + jfr;
                Map<String, String> r = ClientSuite.runClient(impl, endpoint, callers, String.valueOf(warmup),
                        String.valueOf(measure), "1", List.of(recording)).get(0);
                System.out.println();
                System.out.println("## " + impl + ", " + callers + " in flight: " + Math.round(Double.parseDouble(
                        r.get("opsPerSec"))) + " ops/s, " + r.get("cpuUsPerOp") + " CPU µs/op, "
                        + Math.round(Double.parseDouble(r.get("allocBytesPerOp")) / 1024) + " KB/op");
                System.out.println(Files.exists(jfr) ? JfrTop.report(jfr, top) : "(no recording: " + jfr + ")");
            }
        }
        System.out.println("# finished " + Machine.describe());
    }
}
