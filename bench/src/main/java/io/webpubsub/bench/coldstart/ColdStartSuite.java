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
import io.webpubsub.bench.common.ConnStr;
import io.webpubsub.bench.common.Fields;
import io.webpubsub.bench.common.Machine;
import io.webpubsub.bench.common.Runs;
import io.webpubsub.bench.common.Table;
import io.webpubsub.bench.common.Targets;
import io.webpubsub.bench.common.Tokens;

/**
 * {@code ./run.sh coldstart}: a fresh JVM (default flags) from launch to its first 202 from the minimal server,
 * each variant on only its own runtime classpath: the official SDK; ours through CDI (Weld SE + SmallRye Config +
 * RESTEasy MP); ours through the plain builder (same runtime, no container); and two floors: the RESTEasy MP REST
 * Client alone (what any client built on it pays) and the JDK HttpClient alone. Runs interleave the variants.
 * Wall = measured by this process from launch to the child's report; the phases are the child JVM's own uptime
 * marks: JVM start to main, main to client ready (container boot or builder), ready to the first 202.
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
        classpaths.put("floor-mp", Deps.classpath(stack));
        classpaths.put("floor-jdk", Deps.classpath(List.of()));
        Map<String, String> mains = Map.of("sdk", ColdSdk.class.getName(), "ours-cdi", ColdOursCdi.class.getName(),
                "ours-builder", ColdOursBuilder.class.getName(), "floor-mp", ColdMpFloor.class.getName(),
                "floor-jdk", ColdJdkFloor.class.getName());
        // per variant: wall (launch to first 202 seen here), then the child's own uptime marks
        Map<String, Map<String, Runs>> res = new LinkedHashMap<>();
        try (Child server = Targets.start("202", "256m")) {
            String cs = server.expect("READY", 60);
            for (int run = 0; run < runs; run++) {
                for (String variant : classpaths.keySet()) {
                    List<String> jvm = variant.equals("ours-cdi")
                            ? List.of("-Dazure.webpubsub.hubs.bench.connection-string=" + cs) : List.of();
                    try (Child c = Child.start("cold-" + variant, classpaths.get(variant), jvm, mains.get(variant),
                            args(variant, cs))) {
                        record(c, res.computeIfAbsent(variant, k -> new LinkedHashMap<>()));
                    } catch (RuntimeException e) {
                        System.out.println("# " + variant + " FAILED: " + e.getMessage());
                    }
                }
            }
        }
        Table t = new Table("client", "launch to first 202, ms", "x SDK", "JVM start to main, ms",
                "main to client ready, ms", "ready to first 202, ms");
        double sdk = res.containsKey("sdk") ? res.get("sdk").get("wall").median() : Double.NaN;
        for (String variant : classpaths.keySet()) {
            Map<String, Runs> m = res.get(variant);
            if (m == null) {
                t.row(label(variant), "failed", "", "", "", "");
                continue;
            }
            t.row(label(variant), m.get("wall").format(),
                    String.format(Locale.ROOT, "%.2f", m.get("wall").median() / sdk), m.get("main").format(),
                    m.get("ready").format(), m.get("send").format());
        }
        System.out.println(t.render());
        System.out.println("# finished " + Machine.describe());
    }

    /**
     * Waits for a cold child's {@code FIRST202} line and adds its wall time (launch to that line, seen here) and
     * its own uptime phases: to {@code main} (or the app running), to the client ready, to the first 202.
     */
    static void record(Child c, Map<String, Runs> m) {
        Map<String, String> r = Fields.parse(c.expect("FIRST202", 120));
        m.computeIfAbsent("wall", k -> new Runs()).add((System.nanoTime() - c.startNanos()) / 1e6);
        double main = Fields.num(r, "mainMs");
        double ready = Fields.num(r, "readyMs");
        m.computeIfAbsent("main", k -> new Runs()).add(main);
        m.computeIfAbsent("ready", k -> new Runs()).add(ready - main);
        m.computeIfAbsent("send", k -> new Runs()).add(Fields.num(r, "uptimeMs") - ready);
    }

    private static String[] args(String variant, String cs) {
        ConnStr c = ConnStr.parse(cs);
        String url = c.endpoint() + "/api/hubs/" + Targets.HUB + "/groups/room-1/:send?api-version=2024-12-01";
        String auth = "Bearer " + Tokens.rest(c.key(), url);
        return switch (variant) {
            case "ours-cdi" -> new String[0];
            case "floor-mp" -> new String[] {c.endpoint(), Targets.HUB, auth};
            case "floor-jdk" -> new String[] {url, auth};
            default -> new String[] {cs, Targets.HUB};
        };
    }

    private static String label(String variant) {
        return switch (variant) {
            case "sdk" -> "azure-messaging-webpubsub 1.4.0";
            case "ours-cdi" -> "ours, @Inject on Weld SE + SmallRye Config + RESTEasy MP";
            case "ours-builder" -> "ours, plain builder (same runtime, no CDI container)";
            case "floor-mp" -> "floor: RESTEasy MP REST Client alone, one method, precomputed token";
            default -> "floor: JDK HttpClient, precomputed token";
        };
    }
}
