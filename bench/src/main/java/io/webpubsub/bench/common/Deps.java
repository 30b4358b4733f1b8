package io.webpubsub.bench.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime classpaths resolved by Maven from {@code deps/<name>/pom.xml} (run.sh writes them to
 * {@code deps/<name>/target/classpath.txt}): {@code ours}, {@code sdk}, {@code stack} (the reference MP runtime) and
 * {@code emulator}. Our library and emulator jars are the ones built in this checkout when run.sh found them
 * ({@code -Dbench.libJar}, {@code -Dbench.emuJar}).
 */
public final class Deps {
    private Deps() {
    }

    public static List<Path> jars(String name) {
        try {
            String cp = Files.readString(Path.of("deps", name, "target", "classpath.txt")).trim();
            List<Path> jars = new ArrayList<>();
            String libJar = System.getProperty("bench.libJar", "");
            String emuJar = System.getProperty("bench.emuJar", "");
            for (String entry : cp.split(":")) {
                if (!libJar.isEmpty() && entry.matches(".*/webpubsub-mp-[^/]*-SNAPSHOT\\.jar")) {
                    entry = libJar;
                }
                if (!emuJar.isEmpty() && entry.matches(".*/webpubsub-emulator-[^/]*-SNAPSHOT\\.jar")) {
                    entry = emuJar;
                }
                jars.add(Path.of(entry));
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("run ./run.sh so that deps/" + name + " is resolved first", e);
        }
    }

    /** The bench's own classes followed by {@code jars}. */
    public static String classpath(List<Path> jars) {
        List<String> parts = new ArrayList<>();
        parts.add(Path.of("target", "classes").toAbsolutePath().toString());
        jars.forEach(j -> parts.add(j.toString()));
        return String.join(":", parts);
    }
}
