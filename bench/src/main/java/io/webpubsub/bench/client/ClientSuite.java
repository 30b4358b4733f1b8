package io.webpubsub.bench.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.webpubsub.bench.common.Child;
import io.webpubsub.bench.common.ConnStr;
import io.webpubsub.bench.common.Fields;
import io.webpubsub.bench.common.Machine;
import io.webpubsub.bench.common.Runs;
import io.webpubsub.bench.common.Table;
import io.webpubsub.bench.common.Targets;

/**
 * {@code ./run.sh client}: sendToGroup throughput, latency, CPU and allocation per call for every client, against
 * the 202 server and the emulator, each client in a fresh JVM (-Xmx512m), each server in its own JVM.
 *
 * <p>Options: {@code --smoke}, {@code --targets 202,emulator}, {@code --impls a,b}, {@code --rounds n},
 * {@code --warmup s}, {@code --measure s}, {@code --pin on|off} (default on: the server JVM on CPU 1, the client
 * JVM on CPU 0, so a client's throughput is bounded by its own cost, not by the server's share of the cores).
 */
public final class ClientSuite {
    private static final String GROUP = "room-1";
    private static String serverCpus;
    private static String clientCpus;
    /** With {@code --runtime quarkus}: the app of ../quarkus that runs the load with injected clients. */
    private static String quarkusApp;
    /** The floor rows' prefix: {@code floor-} (java.net.http), or {@code vertx-} inside the Quarkus app. */
    private static String floor = "floor-";

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        boolean smoke = opt.containsKey("smoke");
        List<String> targets = List.of(opt.getOrDefault("targets", "202,emulator").split(","));
        List<String> impls = List.of(opt.getOrDefault("impls", String.join(",", Clients.ALL)).split(","));
        String rounds = opt.getOrDefault("rounds", smoke ? "1" : "3");
        // JIT needs long: pinned to one core, RESTEasy + Apache HttpClient still compile after 30 s
        String warmup = opt.getOrDefault("warmup", smoke ? "2" : "60");
        String measure = opt.getOrDefault("measure", smoke ? "1" : "3");
        String callers = opt.getOrDefault("callers", "1,8");
        boolean quarkus = opt.getOrDefault("runtime", "weld").equals("quarkus");
        if (quarkus && !opt.containsKey("impls")) {
            impls = QUARKUS_IMPLS;
        }
        boolean pin = configure(quarkus, opt);

        System.out.println("# sendToGroup client benchmark (" + (smoke ? "SMOKE, figures not meaningful" : "full")
                + "): " + rounds + " rounds x " + measure + " s per figure after " + warmup + " s warm-up");
        System.out.println("# " + (pin ? "server JVM pinned to CPU 1, each client JVM to CPU 0 (taskset), both G1"
                : "not pinned: server and client share every core (taskset missing, fewer than 2 cores or --pin off)"));
        System.out.println("# " + (quarkusApp == null ? "clients on Weld SE / RESTEasy classic"
                : "clients inside one Quarkus app (" + quarkusApp + "): ours injected, on the Quarkus REST client; "
                + "floor (vertx-*) = a bare Vert.x HttpClient on the app's Vert.x, token computed once"));
        System.out.println("# " + Machine.describe());
        for (String target : targets) {
            // results.get(impl + "/" + callers).get(metric) -> runs
            Map<String, Map<String, Runs>> results = new LinkedHashMap<>();
            try (Child server = Targets.start(target, "1g", serverCpus)) {
                String endpoint = server.expect("READY", 60);
                // warm the server's JIT so the first client measured does not meet a cold server
                runClient("floor-async", endpoint, callers, "3", "0.1", "1");
                for (String impl : impls) {
                    try {
                        for (Map<String, String> r : runClient(impl, endpoint, callers, warmup, measure, rounds)) {
                            Map<String, Runs> m = results.computeIfAbsent(impl + "/" + r.get("callers"),
                                    k -> new LinkedHashMap<>());
                            for (String metric : List.of("opsPerSec", "p50us", "p99us", "cpuUsPerOp",
                                    "allocBytesPerOp", "errors", "jitMs")) {
                                m.computeIfAbsent(metric, k -> new Runs()).add(Fields.num(r, metric));
                            }
                        }
                    } catch (RuntimeException e) {
                        System.out.println("# " + impl + " against " + target + " FAILED: " + e.getMessage());
                    }
                }
            }
            System.out.println();
            System.out.println("## target: " + (target.equals("202") ? "minimal Jetty server answering 202"
                    : "webpubsub-emulator"));
            System.out.println(table(results, impls, callers));
            System.out.println("# finished " + Machine.describe());
        }
    }

    /** The clients of the Quarkus app, in table order. */
    static final List<String> QUARKUS_IMPLS = List.of("ours-sync", "ours-async", "sdk-sync", "sdk-async",
            "vertx-sync", "vertx-async");

    /**
     * Sets where clients run (inside the Quarkus app or on their own classpath) and the pinning ({@code --pin}).
     *
     * @return whether server and client are pinned
     */
    static boolean configure(boolean quarkus, Map<String, String> opt) {
        if (quarkus) {
            quarkusApp = java.nio.file.Path.of("quarkus/target/quarkus-app/quarkus-run.jar").toAbsolutePath()
                    .toString();
            floor = "vertx-";
        }
        boolean pin = !opt.getOrDefault("pin", "on").equals("off") && Child.pinning()
                && Runtime.getRuntime().availableProcessors() >= 2;
        serverCpus = pin ? "1" : null;
        clientCpus = pin ? "0" : null;
        return pin;
    }

    /** @return the CPUs a server is pinned to, or null */
    static String serverCpus() {
        return serverCpus;
    }

    static String table(Map<String, Map<String, Runs>> results, List<String> impls, String callersCsv) {
        Table t = new Table("client", "callers", "ops/s", "x SDK", "x floor", "p50 µs", "p99 µs", "CPU µs/op",
                "CPU x SDK", "alloc KB/op", "errors", "JIT ms");
        for (String c : callersCsv.split(",")) {
            for (String impl : impls) {
                Map<String, Runs> m = results.get(impl + "/" + c);
                if (m == null || m.get("opsPerSec").median() == 0) {
                    t.row(impl, c, "failed", "", "", "", "", "", "", "", "", "");
                    continue;
                }
                String style = impl.endsWith("async") ? "async" : "sync";
                Map<String, Runs> sdk = results.get("sdk-" + style + "/" + c);
                Map<String, Runs> base = results.get(floor + style + "/" + c);
                t.row(impl, c, m.get("opsPerSec").format(), ratio(m, sdk, "opsPerSec"), ratio(m, base, "opsPerSec"),
                        m.get("p50us").format(), m.get("p99us").format(), m.get("cpuUsPerOp").format(),
                        ratio(m, sdk, "cpuUsPerOp"), Runs.num(m.get("allocBytesPerOp").median() / 1024) + " ["
                                + Runs.num(m.get("allocBytesPerOp").min() / 1024) + "–"
                                + Runs.num(m.get("allocBytesPerOp").max() / 1024) + "]",
                        Runs.num(m.get("errors").max()), Runs.num(m.get("jitMs").max()));
            }
        }
        return t.render();
    }

    private static String ratio(Map<String, Runs> m, Map<String, Runs> base, String metric) {
        if (base == null) {
            return "n/a";
        }
        return String.format(java.util.Locale.ROOT, "%.2f", m.get(metric).median() / base.get(metric).median());
    }

    static List<Map<String, String>> runClient(String impl, String endpoint, String callers, String warmup,
            String measure, String rounds) {
        return runClient(impl, endpoint, callers, warmup, measure, rounds, List.of());
    }

    /** As above, with further JVM options for the client (e.g. a flight recording). */
    static List<Map<String, String>> runClient(String impl, String endpoint, String callers, String warmup,
            String measure, String rounds, List<String> moreJvm) {
        List<Map<String, String>> out = new ArrayList<>();
        List<String> jvm = new ArrayList<>(List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC"));
        jvm.addAll(moreJvm);
        List<String> args = new ArrayList<>(List.of(impl, endpoint, Targets.HUB, GROUP, callers, warmup, measure,
                rounds));
        String classpath = Clients.classpath(impl);
        String main = ClientLoad.class.getName();
        if (quarkusApp != null) {
            jvm.add("-Dazure.webpubsub.hubs." + Targets.HUB + ".connection-string="
                    + ConnStr.parse(endpoint).connectionString());
            args.add(0, "load");
            classpath = quarkusApp;
            main = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";
        }
        try (Child c = Child.startPinned(clientCpus, "client-" + impl, classpath, jvm, main,
                args.toArray(String[]::new))) {
            int expected = callers.split(",").length * Integer.parseInt(rounds);
            long budget = (long) (Double.parseDouble(warmup) + expected * Double.parseDouble(measure)) + 90;
            for (int i = 0; i < expected; i++) {
                out.add(Fields.parse(c.expect("RESULT", budget)));
            }
            c.expect("DONE", 30);
        }
        return out;
    }

    public static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String k = a.substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                m.put(k, args[++i]);
            } else {
                m.put(k, "true");
            }
        }
        return m;
    }
}
