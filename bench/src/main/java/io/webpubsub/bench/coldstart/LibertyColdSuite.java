package io.webpubsub.bench.coldstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.webpubsub.bench.client.ClientSuite;
import io.webpubsub.bench.common.Child;
import io.webpubsub.bench.common.Machine;
import io.webpubsub.bench.common.Runs;
import io.webpubsub.bench.common.Targets;

/**
 * {@code ./run.sh liberty-coldstart}: three builds of the same Open Liberty app (../liberty, profiles none, ours,
 * sdk; the same server.xml features in all three) from {@code server run} to the first 202 from the minimal server,
 * sent by the app when it starts: without a Web PubSub client (the JDK HttpClient posts with a token computed at
 * start), with our injected client on Liberty's MP REST Client, with the official SDK. Each build has its own
 * server ({@code wpsbench-none|ours|sdk}, never {@code defaultServer}) on a free loopback port.
 *
 * <p>Each server is started once, unmeasured, with {@code --clean}: that first start resolves the features and
 * fills the server's caches (workarea), as container images built from the Open Liberty images do at build time.
 * The measured starts reuse that workarea (a restart), unless {@code --clean} is given: then every measured start
 * cleans it (a first start). Runs interleave the builds; default JVM flags, not pinned. Options: {@code --runs n}
 * (7), {@code --clean}, {@code --smoke}.
 */
public final class LibertyColdSuite {

    private static final List<String> BUILDS = List.of("none", "ours", "sdk");
    private static final Path LIBERTY = Path.of("liberty").toAbsolutePath();
    private static final Path WLP = LIBERTY.resolve("target/liberty/wlp");

    private LibertyColdSuite() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opt = ClientSuite.options(args);
        int runs = Integer.parseInt(opt.getOrDefault("runs", opt.containsKey("smoke") ? "1" : "7"));
        boolean clean = opt.containsKey("clean");
        System.out.println("# Open Liberty cold start: server run to the first 202, " + runs + " run(s) per build, "
                + (clean ? "every start with --clean (first start: empty workarea)"
                        : "workarea kept from one unmeasured --clean start per server (a restart)"));
        System.out.println("# " + Machine.describe());
        Map<String, Map<String, Runs>> res = new LinkedHashMap<>();
        try (Child server = Targets.start("202", "256m")) {
            String cs = server.expect("READY", 60);
            for (String build : BUILDS) {
                prepare(build, cs);
                start(build, true, null);
            }
            for (int run = 0; run < runs; run++) {
                for (String build : BUILDS) {
                    start(build, clean, res.computeIfAbsent(build, k -> new LinkedHashMap<>()));
                }
            }
        }
        System.out.println(QuarkusColdSuite.table(res, BUILDS, LibertyColdSuite::label,
                "JVM start to app starting (kernel, features, deploy), ms"));
        System.out.println("# finished " + Machine.describe());
    }

    /** The server of a build: server.xml, the WAR, the client and connection string, a free port. */
    private static void prepare(String build, String cs) throws IOException {
        Path war = LIBERTY.resolve("target/bench-" + build + ".war");
        if (!Files.exists(WLP.resolve("bin/server")) || !Files.exists(war)) {
            throw new IllegalStateException(WLP + " or " + war + " is missing: ./run.sh liberty-coldstart builds them");
        }
        Path dir = WLP.resolve("usr/servers/wpsbench-" + build);
        Files.createDirectories(dir.resolve("apps"));
        Files.copy(LIBERTY.resolve("src/main/liberty/server.xml"), dir.resolve("server.xml"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(war, dir.resolve("apps/bench.war"), StandardCopyOption.REPLACE_EXISTING);
        List<String> jvm = new ArrayList<>(List.of("-Dbench.client=" + (build.equals("none") ? "floor" : build),
                "-Dbench.cs=" + cs));
        if (build.equals("ours")) {
            jvm.add("-Dazure.webpubsub.hubs." + Targets.HUB + ".connection-string=" + cs);
        }
        Files.write(dir.resolve("jvm.options"), jvm);
        Files.writeString(dir.resolve("bootstrap.properties"), "bench.http.port=" + freePort() + "\n");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One start to the first 202, recorded in {@code into} unless null; the server is stopped afterwards. */
    private static void start(String build, boolean clean, Map<String, Runs> into) {
        List<String> cmd = new ArrayList<>(List.of(WLP.resolve("bin/server").toString(), "run",
                "wpsbench-" + build));
        if (clean) {
            cmd.add("--clean");
        }
        Child c = Child.command("liberty-cold-" + build, cmd, Map.of("JAVA_HOME", System.getProperty("java.home")));
        try {
            if (into != null) {
                ColdStartSuite.record(c, into);
            } else {
                c.expect("FIRST202", 300);
            }
        } catch (RuntimeException e) {
            System.out.println("# " + build + " FAILED: " + e.getMessage());
        } finally {
            c.destroyTree();
            c.close();
        }
    }

    private static String label(String build) {
        return switch (build) {
            case "none" -> "Liberty app, no Web PubSub client (JDK HttpClient)";
            case "ours" -> "the same + ours, @Inject, Liberty's MP REST Client";
            default -> "the same + azure-messaging-webpubsub 1.4.0";
        };
    }
}
