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
 * {@code ./run.sh connections}: opens 1,000, then 5,000, then 10,000 WebSocket clients (json.webpubsub.azure.v1,
 * each with its own token and one initial group) against a server JVM capped at -Xmx1g, and reads the server's heap
 * after full GC and its RSS at each step. Per connection = (step − idle baseline) / connections. The bare Jetty
 * WebSocket server is measured the same way for reference. Options: {@code --smoke}, {@code --runs n},
 * {@code --steps 1000,5000}, {@code --targets emulator,jetty-ws}.
 */
public final class ConnectionsSuite {
    public static void main(String[] args) {
        Map<String, String> opt = ClientSuite.options(args);
        boolean smoke = opt.containsKey("smoke");
        int runs = Integer.parseInt(opt.getOrDefault("runs", smoke ? "1" : "3"));
        List<String> steps = List.of(opt.getOrDefault("steps", smoke ? "1000" : "1000,5000,10000").split(","));
        List<String> targets = List.of(opt.getOrDefault("targets", "emulator,jetty-ws").split(","));
        // the bare-Jetty figures are a reference only (the target is the emulator's): fewer runs save minutes
        int floorRuns = Integer.parseInt(opt.getOrDefault("floor-runs", "1"));
        System.out.println("# WebSocket connections: server JVM -Xmx1g, " + runs + " run(s) per step"
                + (smoke ? " (SMOKE)" : ""));
        System.out.println("# " + Machine.describe());
        Map<String, Map<String, Runs>> res = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            for (String target : targets) {
                if (target.equals("jetty-ws") && run > floorRuns) {
                    continue;
                }
                try (Rig rig = new Rig(target, "1g")) {
                    Map<String, String> base = rig.serverStats();
                    for (String step : steps) {
                        int n = Integer.parseInt(step);
                        Map<String, String> opened = rig.ask("open " + n, "OPENED", 300);
                        Map<String, String> s = rig.serverStats();
                        int got = (int) Fields.num(opened, "total");
                        double heap = Fields.num(s, "heap");
                        double rss = Fields.num(s, "rss");
                        Map<String, Runs> m = res.computeIfAbsent(target + "/" + n, k -> new LinkedHashMap<>());
                        add(m, "opened", got);
                        add(m, "failed", Fields.num(opened, "failed"));
                        add(m, "openSecs", Fields.num(opened, "ms") / 1000);
                        add(m, "heapMiB", heap / 1048576);
                        add(m, "heapKBPerConn", got == 0 ? Double.NaN : (heap - Fields.num(base, "heap")) / 1024 / got);
                        add(m, "rssMiB", rss / 1048576);
                        add(m, "rssKBPerConn", got == 0 ? Double.NaN : (rss - Fields.num(base, "rss")) / 1024 / got);
                        if (got < n) {
                            break;
                        }
                    }
                } catch (RuntimeException e) {
                    System.out.println("# " + target + " run " + run + " FAILED: " + e.getMessage());
                }
            }
        }
        Table t = new Table("server", "connections", "opened", "step open time s", "heap after GC MiB", "heap KB/conn",
                "RSS MiB", "RSS KB/conn");
        for (String target : targets) {
            for (String step : steps) {
                Map<String, Runs> m = res.get(target + "/" + step);
                if (m == null) {
                    t.row(Rig.label(target), step, "failed", "", "", "", "", "");
                    continue;
                }
                t.row(Rig.label(target), step, m.get("opened").format(), m.get("openSecs").format(),
                        m.get("heapMiB").format(), m.get("heapKBPerConn").format(), m.get("rssMiB").format(),
                        m.get("rssKBPerConn").format());
            }
        }
        System.out.println(t.render());
        System.out.println("# finished " + Machine.describe());
    }

    static void add(Map<String, Runs> m, String k, double v) {
        m.computeIfAbsent(k, x -> new Runs()).add(v);
    }
}
