package io.webpubsub.bench.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.webpubsub.bench.client.ClientSuite;
import io.webpubsub.bench.common.Fields;
import io.webpubsub.bench.common.Machine;
import io.webpubsub.bench.common.Runs;
import io.webpubsub.bench.common.Table;

/**
 * {@code ./run.sh rest}: REST sendToGroup (text, group without members, access-key JWT checked by the server) at a
 * fixed 1,000 requests/s, open loop over a fixed pool of keep-alive connections ({@link FixedRateSender}): latency
 * counts from each request's due time, so a stall is not hidden by the sender waiting. Emulator and the bare Jetty
 * 202 server (the floor, the sanity check of the sender itself) in the same run, each after a warm-up at the rate.
 * Options: {@code --smoke}, {@code --runs n}, {@code --secs s}, {@code --warmup s}, {@code --rate r},
 * {@code --conns c}, {@code --targets 202,emulator}.
 */
public final class RestLatencySuite {
    public static void main(String[] args) {
        Map<String, String> opt = ClientSuite.options(args);
        boolean smoke = opt.containsKey("smoke");
        int runs = Integer.parseInt(opt.getOrDefault("runs", smoke ? "1" : "3"));
        String secs = opt.getOrDefault("secs", smoke ? "2" : "10");
        String warmup = opt.getOrDefault("warmup", smoke ? "1" : "5");
        String rate = opt.getOrDefault("rate", "1000");
        String conns = opt.getOrDefault("conns", "8");
        List<String> targets = List.of(opt.getOrDefault("targets", "202,emulator").split(","));
        System.out.println("# REST latency at " + rate + " ops/s over " + conns + " keep-alive connections, " + warmup
                + " s warm-up then " + secs + " s per run, " + runs + " run(s), latency from each request's due time"
                + (smoke ? " (SMOKE)" : ""));
        System.out.println("# " + Machine.describe());
        Map<String, Map<String, Runs>> res = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            for (String target : targets) {
                try (Rig rig = new Rig(target, "1g")) {
                    rig.ask("rest rate=" + rate + " secs=" + warmup + " conns=" + conns, "REST", 120);
                    Map<String, String> r = rig.ask("rest rate=" + rate + " secs=" + secs + " conns=" + conns, "REST",
                            180);
                    Map<String, Runs> m = res.computeIfAbsent(target, k -> new LinkedHashMap<>());
                    for (String k : List.of("achievedRate", "p50us", "p99us", "maxus", "errors", "ops", "lateStarts",
                            "opened")) {
                        ConnectionsSuite.add(m, k, Fields.num(r, k));
                    }
                } catch (RuntimeException e) {
                    System.out.println("# " + target + " run " + run + " FAILED: " + e.getMessage());
                }
            }
        }
        Table t = new Table("server", "requests/run", "achieved ops/s", "p50 µs", "p99 µs", "max µs", "late starts",
                "connections opened", "errors");
        for (String target : targets) {
            Map<String, Runs> m = res.get(target);
            if (m == null) {
                t.row(Rig.label(target), "failed", "", "", "", "", "", "", "");
                continue;
            }
            t.row(Rig.label(target), Runs.num(m.get("ops").max()), m.get("achievedRate").format(),
                    m.get("p50us").format(), m.get("p99us").format(), m.get("maxus").format(),
                    m.get("lateStarts").format(), String.valueOf((long) m.get("opened").max()),
                    Runs.num(m.get("errors").max()));
        }
        System.out.println(t.render());
        System.out.println("# finished " + Machine.describe());
    }
}
