package io.webpubsub.bench.coldstart;

import io.webpubsub.bench.common.Deps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.webpubsub.bench.client.ClientSuite;
import io.webpubsub.bench.common.Child;
import io.webpubsub.bench.common.Fields;
import io.webpubsub.bench.common.Machine;
import io.webpubsub.bench.common.Runs;
import io.webpubsub.bench.common.Table;
import io.webpubsub.bench.common.Targets;

/**
 * {@code ./run.sh coldstart}: a fresh JVM (default flags) from launch to its first 202 from the minimal server,
 * each variant on only its own runtime classpath: the official SDK; ours through CDI (Weld SE + SmallRye Config +
 * RESTEasy MP); ours through the plain builder (same runtime, no container). Runs interleave the variants.
 * Wall = measured by this process from launch to the child's report; uptime = the child JVM's own view.
 */
public final class ColdStartSuite {
    public static void main(String[] args) {
        Map<String, String> opt = ClientSuite.options(args);
        boolean smoke = opt.containsKey("smoke");
        int runs = Integer.parseInt(opt.getOrDefault("runs", smoke ? "1" : "7"));
        System.out.println("# Cold start: fresh JVM to the first 202, " + runs + " run(s) each" + (smoke ? " (SMOKE)"
                : ""));
        System.out.println("# " + Machine.describe());
        List<Path> stack = Deps.jars("stack");
        List<Path> ours = new ArrayList<>(Deps.jars("ours"));
        ours.addAll(stack);
        Map<String, String> classpaths = new LinkedHashMap<>();
        classpaths.put("sdk", Deps.classpath(Deps.jars("sdk")));
        classpaths.put("ours-cdi", Deps.classpath(ours));
        classpaths.put("ours-builder", Deps.classpath(ours));
        Map<String, String> mains = Map.of("sdk", ColdSdk.class.getName(), "ours-cdi", ColdOursCdi.class.getName(),
                "ours-builder", ColdOursBuilder.class.getName());
        Map<String, Runs> wall = new LinkedHashMap<>();
        Map<String, Runs> uptime = new LinkedHashMap<>();
        try (Child server = Targets.start("202", "256m")) {
            String cs = server.expect("READY", 60);
            for (int run = 0; run < runs; run++) {
                for (String variant : classpaths.keySet()) {
                    List<String> jvm = variant.equals("ours-cdi")
                            ? List.of("-Dazure.webpubsub.hubs.bench.connection-string=" + cs) : List.of();
                    String[] mainArgs = variant.equals("ours-cdi") ? new String[0] : new String[] {cs, Targets.HUB};
                    try (Child c = Child.start("cold-" + variant, classpaths.get(variant), jvm, mains.get(variant),
                            mainArgs)) {
                        Map<String, String> r = Fields.parse(c.expect("FIRST202", 120));
                        double ms = (System.nanoTime() - c.startNanos()) / 1e6;
                        wall.computeIfAbsent(variant, k -> new Runs()).add(ms);
                        uptime.computeIfAbsent(variant, k -> new Runs()).add(Fields.num(r, "uptimeMs"));
                    } catch (RuntimeException e) {
                        System.out.println("# " + variant + " FAILED: " + e.getMessage());
                    }
                }
            }
        }
        Table t = new Table("client", "launch to first 202, ms", "x SDK", "JVM uptime at first 202, ms");
        double sdk = wall.containsKey("sdk") ? wall.get("sdk").median() : Double.NaN;
        for (String variant : classpaths.keySet()) {
            Runs w = wall.get(variant);
            if (w == null) {
                t.row(variant, "failed", "", "");
                continue;
            }
            t.row(label(variant), w.format(), String.format(Locale.ROOT, "%.2f", w.median() / sdk),
                    uptime.get(variant).format());
        }
        System.out.println(t.render());
        System.out.println("# finished " + Machine.describe());
    }

    private static String label(String variant) {
        return switch (variant) {
            case "sdk" -> "azure-messaging-webpubsub 1.4.0";
            case "ours-cdi" -> "ours, @Inject on Weld SE + SmallRye Config + RESTEasy MP";
            default -> "ours, plain builder (same runtime, no CDI container)";
        };
    }
}
