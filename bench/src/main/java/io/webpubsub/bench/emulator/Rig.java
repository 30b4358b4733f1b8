package io.webpubsub.bench.emulator;

import java.util.List;
import java.util.Map;

import io.webpubsub.bench.common.Child;
import io.webpubsub.bench.common.Fields;
import io.webpubsub.bench.common.Targets;

/** A server JVM (emulator or bare-Jetty floor) plus a load-generator JVM ({@link WsLoad}) talking to it. */
final class Rig implements AutoCloseable {
    final String target;
    final Child server;
    final Child load;

    Rig(String target, String serverHeap) {
        this(target, serverHeap, WsLoad.class.getName());
    }

    /** With another load generator speaking the same READY protocol. */
    Rig(String target, String serverHeap, String loadClass) {
        this.target = target;
        this.server = Targets.start(target, serverHeap);
        Child l = null;
        try {
            String cs = server.expect("READY", 60);
            l = Child.start("wsload-" + target, List.of("-Xms1g", "-Xmx2g"), loadClass, cs, Targets.HUB);
            l.expect("READY", 60);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        this.load = l;
    }

    Map<String, String> ask(String command, String replyPrefix, long timeoutSeconds) {
        load.send(command);
        return Fields.parse(load.expect(replyPrefix, timeoutSeconds));
    }

    /** Server heap after GC and RSS, in bytes. */
    Map<String, String> serverStats() {
        server.send("stats");
        return Fields.parse(server.expect("STATS", 60));
    }

    static String label(String target) {
        return switch (target) {
            case "emulator" -> "webpubsub-emulator";
            case "jetty-ws" -> "bare Jetty 12 (floor)";
            case "202" -> "bare Jetty 12 202 (floor)";
            default -> target;
        };
    }

    @Override
    public void close() {
        load.close();
        server.close();
    }
}
