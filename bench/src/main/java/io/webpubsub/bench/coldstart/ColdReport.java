package io.webpubsub.bench.coldstart;

import java.lang.management.ManagementFactory;

/**
 * What each cold-start child prints: JVM uptime when {@code main} began, when the client was ready to send
 * (container booted or builder done) and at the first 202, then it exits.
 */
final class ColdReport {
    private final long mainMs = uptime();
    private long readyMs;

    private static long uptime() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    void ready() {
        readyMs = uptime();
    }

    void first202() {
        System.out.println("FIRST202 uptimeMs=" + uptime() + " mainMs=" + mainMs + " readyMs=" + readyMs);
        System.out.flush();
        System.exit(0);
    }
}
