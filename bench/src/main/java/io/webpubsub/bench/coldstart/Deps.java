package io.webpubsub.bench.coldstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime classpaths resolved by Maven from {@code deps/ours}, {@code deps/sdk} and {@code deps/stack}
 * (run.sh writes them to {@code deps/<name>/target/classpath.txt}). Our library jar is the one built in this
 * checkout when run.sh found it ({@code -Dbench.libJar}).
 */
final class Deps {
    private Deps() {
    }

    static List<Path> jars(String name) {
        try {
            String cp = Files.readString(Path.of("deps", name, "target", "classpath.txt")).trim();
            List<Path> jars = new ArrayList<>();
            String libJar = System.getProperty("bench.libJar", "");
            for (String entry : cp.split(":")) {
                if (!libJar.isEmpty() && entry.matches(".*/webpubsub-mp-[^/]*-SNAPSHOT\\.jar")) {
                    entry = libJar;
                }
                jars.add(Path.of(entry));
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("run ./run.sh so that deps/" + name + " is resolved first", e);
        }
    }

    static String classpath(List<Path> jars) {
        List<String> parts = new ArrayList<>();
        parts.add(Path.of("target", "classes").toAbsolutePath().toString());
        jars.forEach(j -> parts.add(j.toString()));
        return String.join(":", parts);
    }
}
