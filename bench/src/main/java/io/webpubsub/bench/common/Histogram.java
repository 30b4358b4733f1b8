package io.webpubsub.bench.common;

/**
 * Latency histogram with 1 µs buckets up to 1 s (values above are clamped into an overflow bucket and tracked by
 * max). Not thread-safe: one per recording thread, merged afterwards.
 */
public final class Histogram {
    private static final int BUCKETS = 1_000_000;
    private final int[] counts = new int[BUCKETS + 1];
    private long total;
    private long maxMicros;

    public void recordNanos(long nanos) {
        long us = Math.max(0, nanos / 1000);
        counts[(int) Math.min(us, BUCKETS)]++;
        total++;
        maxMicros = Math.max(maxMicros, us);
    }

    public void add(Histogram other) {
        for (int i = 0; i <= BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        maxMicros = Math.max(maxMicros, other.maxMicros);
    }

    public long count() {
        return total;
    }

    /** The value in µs at percentile {@code p} (0..100), or NaN with no samples. */
    public double percentileMicros(double p) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(p / 100.0 * total);
        long seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += counts[i];
            if (seen >= Math.max(1, rank)) {
                return i == BUCKETS ? maxMicros : i;
            }
        }
        return maxMicros;
    }

    public void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
        maxMicros = 0;
    }
}
