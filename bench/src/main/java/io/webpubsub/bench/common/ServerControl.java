package io.webpubsub.bench.common;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The stdin/stdout protocol of a server child: prints {@code READY <connection string>}, answers {@code stats} with
 * {@code STATS heap=<bytes after GC> rss=<bytes> threads=<live threads>}, and stops when stdin closes.
 */
public final class ServerControl {
    private ServerControl() {
    }

    public static void serve(String connectionString, AutoCloseable server) throws Exception {
        System.out.println("READY " + connectionString);
        System.out.flush();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.equals("stats")) {
                    long heap = Machine.heapAfterGc();
                    System.out.println("STATS heap=" + heap + " rss=" + Machine.rssBytes() + " threads="
                            + java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount());
                    System.out.flush();
                }
            }
        } finally {
            server.close();
        }
        System.exit(0);
    }

    /** Parses {@code key=value} pairs of a reply line. */
    public static long field(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) {
                return Long.parseLong(part.substring(key.length() + 1));
            }
        }
        throw new IllegalArgumentException("no " + key + " in '" + line + "'");
    }
}
