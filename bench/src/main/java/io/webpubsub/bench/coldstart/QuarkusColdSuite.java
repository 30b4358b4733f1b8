package io.webpubsub.bench.coldstart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.webpubsub.bench.client.ClientSuite;
import io.webpubsub.bench.common.Child;
import io.webpubsub.bench.common.Machine;
import io.webpubsub.bench.common.Runs;
import io.webpubsub.bench.common.Table;
import io.webpubsub.bench.common.Targets;

/**
 * {@code ./run.sh quarkus-coldstart}: three builds of the same Quarkus app (../quarkus, profiles none, ours, sdk:
 * the REST client extension in all three) from launch to the first 202 from the minimal server: without a Web
 * PubSub client (the JDK HttpClient posts with a token computed at start), with our injected client, with the
 * official SDK. Added = the build's median minus the no-client build's; the target compares the added costs.
 * Runs interleave the builds; default JVM flags, not pinned (as the Weld SE cold start).
 */
public final class QuarkusColdSuite {

    private static final List<String> BUILDS = List.of("none", "ours", "sdk");

    public static void main(String[] args) {
        Map<String, String> opt = ClientSuite.options(args);
        int runs = Integer.parseInt(opt.getOrDefault("runs", opt.containsKey("smoke") ? "1" : "7"));
        System.out.println("# Quarkus cold start: launch to the first 202, " + runs + " run(s) per build");
        System.out.println("# " + Machine.describe());
        Map<String, Map<String, Runs>> res = new LinkedHashMap<>();
        try (Child server = Targets.start("202", "256m")) {
            String cs = server.expect("READY", 60);
            for (int run = 0; run < runs; run++) {
                for (String build : BUILDS) {
                    measure(build, cs, res);
                }
            }
        }
        System.out.println(table(res, BUILDS, QuarkusColdSuite::label,
                "JVM start to app running (Quarkus booted), ms"));
        System.out.println("# finished " + Machine.describe());
    }

    /**
     * The table of a cold-start suite of builds whose first is the one without a client: each build's launch to
     * first 202, what it adds over the first build, that as a share of what the SDK's build (named {@code sdk})
     * adds, and the phases the app reported.
     */
    static String table(Map<String, Map<String, Runs>> res, List<String> builds,
            java.util.function.Function<String, String> label, String mainPhase) {
        Table t = new Table("build", "launch to first 202, ms", "added, ms", "added x SDK's", mainPhase,
                "to client ready, ms", "ready to first 202, ms");
        String base = builds.get(0);
        double none = median(res, base);
        double sdkAdded = median(res, "sdk") - none;
        for (String build : builds) {
            Map<String, Runs> m = res.get(build);
            if (m == null) {
                t.row(label.apply(build), "failed", "", "", "", "", "");
                continue;
            }
            double added = m.get("wall").median() - none;
            boolean first = build.equals(base);
            t.row(label.apply(build), m.get("wall").format(), first ? "" : Runs.num(added),
                    first ? "" : String.format(Locale.ROOT, "%.2f", added / sdkAdded),
                    m.get("main").format(), m.get("ready").format(), m.get("send").format());
        }
        return t.render();
    }

    private static void measure(String build, String cs, Map<String, Map<String, Runs>> res) {
        Path jar = Path.of("quarkus/target/app-" + build + "/quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: ./run.sh quarkus-coldstart builds it");
        }
        List<String> jvm = build.equals("ours")
                ? List.of("-Dazure.webpubsub.hubs." + Targets.HUB + ".connection-string=" + cs) : List.of();
        String client = build.equals("none") ? "floor" : build;
        try (Child c = Child.start("quarkus-cold-" + build, jar.toString(), jvm,
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint", "cold", client, cs, Targets.HUB, "room-1")) {
            ColdStartSuite.record(c, res.computeIfAbsent(build, k -> new LinkedHashMap<>()));
        } catch (RuntimeException e) {
            System.out.println("# " + build + " FAILED: " + e.getMessage());
        }
    }

    private static double median(Map<String, Map<String, Runs>> res, String build) {
        return res.containsKey(build) ? res.get(build).get("wall").median() : Double.NaN;
    }

    private static String label(String build) {
        return switch (build) {
            case "none" -> "Quarkus app, no Web PubSub client (JDK HttpClient)";
            case "ours" -> "the same + ours, @Inject, Quarkus REST client";
            default -> "the same + azure-messaging-webpubsub 1.4.0";
        };
    }
}
