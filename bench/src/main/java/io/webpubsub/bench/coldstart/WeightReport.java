package io.webpubsub.bench.coldstart;

import io.webpubsub.bench.common.Deps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.webpubsub.bench.common.Machine;
import io.webpubsub.bench.common.Table;

/**
 * {@code ./run.sh weight}: the jars an application adds to its runtime classpath for each client, beyond the
 * reference MicroProfile runtime (Weld SE + SmallRye Config + RESTEasy MP + Yasson/Parsson and the EE/MP APIs): a
 * jar counts when its file name is not on the runtime's own classpath.
 */
public final class WeightReport {
    public static void main(String[] args) {
        System.out.println("# Runtime dependency weight beyond the MP runtime");
        System.out.println("# " + Machine.describe());
        Set<String> stack = Deps.jars("stack").stream().map(WeightReport::artifact).collect(Collectors.toSet());
        Table t = new Table("client", "jars beyond the MP runtime", "MB", "x SDK");
        List<Path> ours = beyond(Deps.jars("ours"), stack);
        List<Path> sdk = beyond(Deps.jars("sdk"), stack);
        double sdkMb = mb(sdk);
        row(t, "webpubsub-mp (ours)", ours, sdkMb);
        row(t, "azure-messaging-webpubsub 1.4.0", sdk, sdkMb);
        System.out.println(t.render());
        System.out.println("ours: " + names(ours));
        System.out.println();
        System.out.println("SDK: " + names(sdk));
    }

    /** group/artifact from the local-repository layout (any version of an artifact the runtime has counts as had). */
    private static String artifact(Path jar) {
        Path version = jar.getParent();
        if (version != null && version.getParent() != null && jar.toString().contains("/repository/")) {
            return version.getParent().toString();
        }
        return jar.getFileName().toString().replaceAll("-[0-9][^/]*\\.jar$", "");
    }

    private static String names(List<Path> jars) {
        return jars.stream().map(j -> j.getFileName().toString().replaceAll("\\.jar$", ""))
                .collect(Collectors.joining(", "));
    }

    private static List<Path> beyond(List<Path> jars, Set<String> stack) {
        return jars.stream().filter(j -> !stack.contains(artifact(j))).toList();
    }

    private static void row(Table t, String name, List<Path> jars, double sdkMb) {
        t.row(name, jars.size(), String.format(Locale.ROOT, "%.2f", mb(jars)),
                String.format(Locale.ROOT, "%.2f", mb(jars) / sdkMb));
    }

    private static double mb(List<Path> jars) {
        long bytes = 0;
        for (Path j : jars) {
            try {
                bytes += Files.size(j);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes / 1e6;
    }
}
