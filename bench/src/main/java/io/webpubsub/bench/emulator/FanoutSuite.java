package io.webpubsub.bench.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.webpubsub.bench.client.ClientSuite;
import io.webpubsub.bench.common.Fields;
import io.webpubsub.bench.common.Machine;
import io.webpubsub.bench.common.Runs;
import io.webpubsub.bench.common.Table;

/**
 * {@code ./run.sh fanout}: 1,000 WebSocket clients; M text messages sent by REST to all, then to a group holding
 * all of them, with at most W messages in flight (not yet delivered everywhere). Reports delivered messages per
 * second and delivery latency, for the emulator and for the bare Jetty broadcast loop, alternating in the same run.
 * Options: {@code --smoke}, {@code --runs n}, {@code --msgs M}, {@code --window W}, {@code --connections N}.
 */
public final class FanoutSuite {
    public static void main(String[] args) {
        Map<String, String> opt = ClientSuite.options(args);
        boolean smoke = opt.containsKey("smoke");
        int runs = Integer.parseInt(opt.getOrDefault("runs", smoke ? "1" : "3"));
        int msgs = Integer.parseInt(opt.getOrDefault("msgs", smoke ? "100" : "300"));
        int window = Integer.parseInt(opt.getOrDefault("window", "16"));
        int conns = Integer.parseInt(opt.getOrDefault("connections", "1000"));
        List<String> targets = List.of(opt.getOrDefault("targets", "jetty-ws,emulator").split(","));
        List<String> modes = List.of("all", "group");
        System.out.printf(Locale.ROOT, "# Fan-out: %d connections, %d messages per figure, window %d, %d run(s)%s%n",
                conns, msgs, window, runs, smoke ? " (SMOKE)" : "");
        System.out.println("# " + Machine.describe());
        Map<String, Map<String, Runs>> res = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            for (String target : targets) {
                try (Rig rig = new Rig(target, "1g")) {
                    Map<String, String> opened = rig.ask("open " + conns, "OPENED", 300);
                    if (Fields.num(opened, "total") < conns) {
                        throw new IllegalStateException("only " + opened.get("total") + " connections opened");
                    }
                    // warm-up: JIT both paths before measuring
                    for (String mode : modes) {
                        rig.ask(cmd(mode, Math.max(50, msgs / 4), window), "FANOUT", 120);
                    }
                    for (String mode : modes) {
                        Map<String, String> r = rig.ask(cmd(mode, msgs, window), "FANOUT", 180);
                        Map<String, Runs> m = res.computeIfAbsent(target + "/" + mode, k -> new LinkedHashMap<>());
                        for (String k : List.of("msgsPerSec", "p50us", "p99us", "delivered", "expected",
                                "closedByServer", "errors")) {
                            ConnectionsSuite.add(m, k, Fields.num(r, k));
                        }
                    }
                } catch (RuntimeException e) {
                    System.out.println("# " + target + " run " + run + " FAILED: " + e.getMessage());
                }
            }
        }
        Table t = new Table("send", "server", "delivered msgs/s", "x floor", "latency p50 µs", "latency p99 µs",
                "delivered/expected (all runs)", "closed by server", "REST errors");
        for (String mode : modes) {
            Map<String, Runs> floor = res.get("jetty-ws/" + mode);
            for (String target : targets) {
                Map<String, Runs> m = res.get(target + "/" + mode);
                if (m == null) {
                    t.row(mode, Rig.label(target), "failed", "", "", "", "", "", "");
                    continue;
                }
                String x = floor == null ? "n/a" : String.format(Locale.ROOT, "%.2f",
                        m.get("msgsPerSec").median() / floor.get("msgsPerSec").median());
                t.row(mode.equals("all") ? "broadcast" : "group", Rig.label(target), m.get("msgsPerSec").format(), x,
                        m.get("p50us").format(), m.get("p99us").format(),
                        String.format(Locale.ROOT, "%.0f/%.0f", m.get("delivered").min(), m.get("expected").max()),
                        Runs.num(m.get("closedByServer").max()), Runs.num(m.get("errors").max()));
            }
        }
        System.out.println(t.render());
        System.out.println("# finished " + Machine.describe());
    }

    private static String cmd(String mode, int msgs, int window) {
        return "fanout mode=" + mode + " msgs=" + msgs + " window=" + window + " timeout=100";
    }
}
