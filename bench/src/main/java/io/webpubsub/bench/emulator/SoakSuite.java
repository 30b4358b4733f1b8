package io.webpubsub.bench.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.webpubsub.bench.client.ClientSuite;
import io.webpubsub.bench.common.Fields;
import io.webpubsub.bench.common.Machine;
import io.webpubsub.bench.common.Table;

/**
 * {@code ./run.sh soak}: the emulator (server JVM -Xmx512m) under 1,000 WebSocket clients with churn and REST
 * traffic for 10 minutes ({@link SoakLoad}). Every sample: the server's heap after a full GC and its live threads,
 * the connections it holds, and what the clients saw. At the end every client closes; the emulator must hold no
 * connection and its threads must return to the idle baseline. Options: {@code --smoke} (1 minute),
 * {@code --minutes m}, {@code --conns n}, {@code --churn c} (clients replaced per second), {@code --group-sends g},
 * {@code --user-sends u} (REST messages per second), {@code --sample-secs s}.
 */
public final class SoakSuite {
    public static void main(String[] args) throws Exception {
        Map<String, String> opt = ClientSuite.options(args);
        boolean smoke = opt.containsKey("smoke");
        double minutes = Double.parseDouble(opt.getOrDefault("minutes", smoke ? "1" : "10"));
        int conns = Integer.parseInt(opt.getOrDefault("conns", "1000"));
        int churn = Integer.parseInt(opt.getOrDefault("churn", "10"));
        int groupSends = Integer.parseInt(opt.getOrDefault("group-sends", "5"));
        int userSends = Integer.parseInt(opt.getOrDefault("user-sends", "50"));
        int sampleSecs = Integer.parseInt(opt.getOrDefault("sample-secs", smoke ? "15" : "60"));
        System.out.printf(Locale.ROOT, "# Soak: %d clients, %d replaced/s, %d group + %d user sends/s, %.1f min, "
                + "server -Xmx512m%s%n", conns, churn, groupSends, userSends, minutes, smoke ? " (SMOKE)" : "");
        System.out.println("# " + Machine.describe());
        Table t = new Table("time s", "server heap after GC MiB", "server threads", "server connections",
                "clients open", "clients opened", "handshake failures", "closed by server", "frames received",
                "REST sends", "REST errors");
        try (Rig rig = new Rig("emulator", "512m", SoakLoad.class.getName())) {
            Map<String, String> idle = rig.serverStats();
            int baselineThreads = (int) Fields.num(idle, "threads");
            t.row("idle", mib(idle), baselineThreads, 0, 0, 0, 0, 0, 0, 0, 0);
            long t0 = System.nanoTime();
            Map<String, String> started = rig.ask("start conns=" + conns + " churn=" + churn + " groupSends="
                    + groupSends + " userSends=" + userSends, "STARTED", 600);
            System.out.println("# " + started);
            List<Double> heaps = new ArrayList<>();
            long end = t0 + (long) (minutes * 60e9);
            for (long next = t0 + sampleSecs * 1_000_000_000L; next <= end; next += sampleSecs * 1_000_000_000L) {
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                Map<String, String> s = rig.serverStats();
                Map<String, String> l = rig.ask("sample", "SAMPLE", 120);
                heaps.add(Fields.num(s, "heap") / 1048576);
                row(t, String.valueOf((System.nanoTime() - t0) / 1_000_000_000L), s, l);
            }
            Map<String, String> stopped = rig.ask("stop", "STOPPED", 120);
            System.out.println("# " + stopped);
            Map<String, String> after = rig.serverStats();
            long settle = System.nanoTime();
            while (Fields.num(after, "threads") > baselineThreads && System.nanoTime() - settle < 60_000_000_000L) {
                Thread.sleep(2000);
                after = rig.serverStats();
            }
            row(t, "after stop", after, rig.ask("sample", "SAMPLE", 120));
            System.out.println(t.render());
            double first = heaps.isEmpty() ? Double.NaN : heaps.get(0);
            double last = heaps.isEmpty() ? Double.NaN : heaps.get(heaps.size() - 1);
            double max = heaps.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            System.out.printf(Locale.ROOT, "# heap after GC: first sample %.1f MiB, last %.1f MiB (%+.1f %%), max %.1f "
                    + "MiB (%+.1f %% over first)%n", first, last, (last - first) / first * 100, max,
                    (max - first) / first * 100);
            System.out.printf(Locale.ROOT, "# threads: idle %d, after stop %d; connections left on the server: %s%n",
                    baselineThreads, (int) Fields.num(after, "threads"), stopped.get("serverConns"));
        }
        System.out.println("# finished " + Machine.describe());
    }

    private static void row(Table t, String time, Map<String, String> server, Map<String, String> load) {
        t.row(time, mib(server), (int) Fields.num(server, "threads"), load.get("serverConns"), load.get("open"),
                load.get("opened"), load.get("failed"), load.get("closedByServer"), load.get("frames"),
                load.get("rest"), load.get("restErrors"));
    }

    private static String mib(Map<String, String> stats) {
        return String.format(Locale.ROOT, "%.1f", Fields.num(stats, "heap") / 1048576);
    }
}
