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
 * fixed 1,000 requests/s, open loop: latency counts from each request's scheduled start, so a stall is not hidden
 * by the sender waiting. Emulator and the bare Jetty 202 server (the floor), each after a 3 s warm-up.
 * Options: {@code --smoke}, {@code --runs n}, {@code --secs s}, {@code --rate r}.
 */
public final class RestLatencySuite {
    public static void main(String[] args) {
        Map<String, String> opt = ClientSuite.options(args);
        boolean smoke = opt.containsKey("smoke");
        int runs = Integer.parseInt(opt.getOrDefault("runs", smoke ? "1" : "3"));
        String secs = opt.getOrDefault("secs", smoke ? "2" : "10");
        String rate = opt.getOrDefault("rate", "1000");
        List<String> targets = List.of(opt.getOrDefault("targets", "202,emulator").split(","));
        System.out.println("# REST latency at " + rate + " ops/s for " + secs + " s per run, " + runs + " run(s)"
                + (smoke ? " (SMOKE)" : ""));
        System.out.println("# " + Machine.describe());
        Map<String, Map<String, Runs>> res = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            for (String target : targets) {
                try (Rig rig = new Rig(target, "1g")) {
                    rig.ask("rest rate=" + rate + " secs=3", "REST", 120);
                    Map<String, String> r = rig.ask("rest rate=" + rate + " secs=" + secs, "REST", 180);
                    Map<String, Runs> m = res.computeIfAbsent(target, k -> new LinkedHashMap<>());
                    for (String k : List.of("achievedRate", "p50us", "p99us", "maxus", "errors", "ops")) {
                        ConnectionsSuite.add(m, k, Fields.num(r, k));
                    }
                } catch (RuntimeException e) {
                    System.out.println("# " + target + " run " + run + " FAILED: " + e.getMessage());
                }
            }
        }
        Table t = new Table("server", "requests/run", "achieved ops/s", "p50 µs", "p99 µs", "max µs", "errors");
        for (String target : targets) {
            Map<String, Runs> m = res.get(target);
            if (m == null) {
                t.row(Rig.label(target), "failed", "", "", "", "", "");
                continue;
            }
            t.row(Rig.label(target), Runs.num(m.get("ops").max()), m.get("achievedRate").format(),
                    m.get("p50us").format(), m.get("p99us").format(), m.get("maxus").format(),
                    Runs.num(m.get("errors").max()));
        }
        System.out.println(t.render());
        System.out.println("# finished " + Machine.describe());
    }
}
