package io.webpubsub.bench.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The machine a table was measured on, printed above every table. */
public final class Machine {
    private Machine() {
    }

    public static String describe() {
        String load = "?";
        try {
            load = Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException ignored) {
            // not Linux
        }
        return Instant.now() + " | " + Runtime.getRuntime().availableProcessors() + " cores | "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " | loadavg " + load;
    }

    /** Resident set size of this process in bytes, from /proc (0 where unavailable). */
    public static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return 0;
    }

    /** Heap in use after full collections (several, so the figure settles). */
    public static long heapAfterGc() {
        long used = 0;
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime rt = Runtime.getRuntime();
            used = rt.totalMemory() - rt.freeMemory();
        }
        return used;
    }
}
