package io.webpubsub.bench.client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import io.webpubsub.bench.common.Table;

/**
 * Summarises a JFR recording of a client load: where the CPU samples ({@code jdk.ExecutionSample}) and the sampled
 * allocation weight ({@code jdk.ObjectAllocationSample}) go, by owner (the library, jose4j, the SDK, the Quarkus
 * REST client, Vert.x, Netty, ...). "Self" charges a sample to the first frame from the top that is not JDK code, so
 * JDK work (collections, HMAC, strings) counts for whoever asked for it; "inclusive" counts every owner on the stack.
 * Also the top methods and allocation sites, and the library's classes by inclusive CPU.
 *
 * <p>Usage: {@code JfrTop file.jfr [top n]}.
 */
public final class JfrTop {

    private static final Map<String, String> OWNERS = owners();

    private JfrTop() {
    }

    private static Map<String, String> owners() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("io.webpubsub.mp.", "ours (io.webpubsub.mp)");
        m.put("org.jose4j.", "jose4j");
        m.put("io.webpubsub.bench.", "bench harness");
        m.put("com.azure.", "SDK (com.azure)");
        m.put("reactor.", "Reactor");
        m.put("org.jboss.resteasy.reactive.", "Quarkus REST client (resteasy-reactive)");
        m.put("io.quarkus.rest", "Quarkus REST client (resteasy-reactive)");
        m.put("io.quarkus.restclient", "Quarkus REST client (resteasy-reactive)");
        m.put("io.quarkus.", "Quarkus/ArC other");
        m.put("io.smallrye.", "SmallRye (Mutiny, Config, context)");
        m.put("io.vertx.", "Vert.x");
        m.put("io.netty.", "Netty");
        m.put("com.fasterxml.jackson.", "Jackson");
        m.put("io.opentelemetry.", "OpenTelemetry");
        m.put("org.jboss.", "JBoss other");
        return m;
    }

    static String owner(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        for (Map.Entry<String, String> e : OWNERS.entrySet()) {
            if (type.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
                || type.startsWith("com.sun.") || type.startsWith("javax.") ? null : "other (" + type + ")";
    }

    public static void main(String[] args) throws IOException {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        System.out.println(report(Path.of(args[0]), top));
    }

    /** The report of one recording, as Markdown tables. */
    public static String report(Path file, int top) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        StringBuilder out = new StringBuilder();
        out.append(section(events, "jdk.ExecutionSample", e -> 1L, "CPU samples", top));
        out.append(section(events, "jdk.ObjectAllocationSample", e -> e.getLong("weight"), "allocation (sampled "
                + "weight)", top));
        return out.toString();
    }

    private static String section(List<RecordedEvent> events, String type, ToLongFunction<RecordedEvent> weight,
            String title, int top) {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> methods = new HashMap<>();
        Map<String, Long> ours = new HashMap<>();
        long total = 0;
        for (RecordedEvent e : events) {
            RecordedStackTrace st = e.getStackTrace();
            if (!e.getEventType().getName().equals(type) || st == null || st.getFrames().isEmpty()) {
                continue;
            }
            long w = weight.applyAsLong(e);
            total += w;
            List<RecordedFrame> frames = st.getFrames();
            String selfOwner = "JDK only";
            RecordedFrame selfFrame = null;
            Set<String> seen = new HashSet<>();
            Set<String> oursSeen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String o = owner(f);
                if (o == null) {
                    continue;
                }
                if (selfFrame == null) {
                    selfFrame = f;
                    selfOwner = o;
                }
                seen.add(o);
                String t = f.getMethod().getType().getName();
                if (t.startsWith("io.webpubsub.mp.")) {
                    oursSeen.add(t.substring("io.webpubsub.mp.".length()).replaceAll("\\$.*", ""));
                }
            }
            self.merge(selfOwner, w, Long::sum);
            seen.forEach(o -> inclusive.merge(o, w, Long::sum));
            oursSeen.forEach(o -> ours.merge(o, w, Long::sum));
            String what = type.equals("jdk.ObjectAllocationSample")
                    ? e.getClass("objectClass").getName() + " @ " : "";
            RecordedFrame leaf = frames.get(0);
            methods.merge(what + name(leaf) + (selfFrame != null && selfFrame != leaf ? " <- " + name(selfFrame) : ""),
                    w, Long::sum);
        }
        StringBuilder out = new StringBuilder();
        out.append("\n**").append(title).append("** (").append(total).append(type.endsWith("ExecutionSample")
                ? " samples" : " bytes").append(")\n\n");
        Table owners = new Table("owner", "self %", "inclusive %");
        long all = Math.max(1, total);
        self.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e -> owners.row(
                e.getKey(), pct(e.getValue(), all), pct(inclusive.getOrDefault(e.getKey(), 0L), all)));
        out.append(owners.render()).append('\n');
        Table oursTable = new Table("library class (inclusive)", "%");
        ours.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> oursTable.row(e.getKey(), pct(e.getValue(), all)));
        if (!ours.isEmpty()) {
            out.append('\n').append(oursTable.render()).append('\n');
        }
        Table leaves = new Table(type.endsWith("ExecutionSample") ? "top method (<- first non-JDK caller)"
                : "allocated type @ site (<- first non-JDK caller)", "%");
        methods.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> leaves.row(e.getKey(), pct(e.getValue(), all)));
        out.append('\n').append(leaves.render()).append('\n');
        return out.toString();
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }

    private static String pct(long part, long all) {
        return String.format(Locale.ROOT, "%.1f", 100.0 * part / all);
    }
}
