package io.webpubsub.bench.common;

/**
 * Latency histogram: 1 µs buckets up to 1 s, then 1 ms buckets up to 100 s (values above are counted in the last
 * bucket and tracked exactly by max). Not thread-safe: one per recording thread, merged afterwards.
 */
public final class Histogram {
    private static final int FINE = 1_000_000;
    private static final int COARSE = 99_000;
    private final int[] counts = new int[FINE + COARSE + 1];
    private long total;
    private long maxMicros;

    public void recordNanos(long nanos) {
        long us = Math.max(0, nanos / 1000);
        counts[index(us)]++;
        total++;
        maxMicros = Math.max(maxMicros, us);
    }

    private static int index(long us) {
        return us < FINE ? (int) us : FINE + (int) Math.min((us - FINE) / 1000, COARSE);
    }

    private static long lowerBoundMicros(int index) {
        return index < FINE ? index : FINE + (index - FINE) * 1000L;
    }

    public void add(Histogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        maxMicros = Math.max(maxMicros, other.maxMicros);
    }

    public long count() {
        return total;
    }

    /** The value in µs at percentile {@code p} (0..100; 100 is the exact max), or NaN with no samples. */
    public double percentileMicros(double p) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(lowerBoundMicros(i), maxMicros);
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
