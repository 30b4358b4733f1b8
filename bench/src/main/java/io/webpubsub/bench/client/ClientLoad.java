package io.webpubsub.bench.client;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.webpubsub.bench.common.Histogram;

/**
 * Child JVM: drives one client with a closed loop of {@code callers} concurrent senders (threads for blocking
 * clients, in-flight request chains for async ones) and prints one {@code RESULT} line per measurement:
 * throughput, latency p50/p99, and per call the CPU time of the whole process (all threads: callers, I/O, GC, JIT)
 * and the bytes allocated by all its threads. The server runs in another process, so none of its cost is counted.
 *
 * <p>Args: impl connectionString hub group callersCsv warmupSeconds measureSeconds rounds
 */
public final class ClientLoad {
    private static final String MESSAGE = "hello from the benchmark";
    private static final long MAX_OPS_PER_CALLER = 5_000_000;

    private final SendClient client;
    private final String group;
    // one thread per blocking caller (up to 64): created in the warm-up, reused while measuring
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "caller");
        t.setDaemon(true);
        return t;
    });

    private ClientLoad(SendClient client, String group) {
        this.client = client;
        this.group = group;
    }

    public static void main(String[] a) throws Exception {
        drive(Clients.create(a[0], a[1], a[2]), a);
        System.exit(0);
    }

    /**
     * Runs the load on a client made elsewhere (e.g. injected in a Quarkus app) and closes it.
     *
     * @param client the client under test
     * @param a the arguments of {@link #main} (the connection string and hub are not used)
     */
    public static void drive(SendClient client, String[] a) throws Exception {
        String impl = a[0];
        ClientLoad load = new ClientLoad(client, a[3]);
        List<Integer> callers = new ArrayList<>();
        for (String c : a[4].split(",")) {
            callers.add(Integer.parseInt(c));
        }
        double warmup = Double.parseDouble(a[5]);
        double measure = Double.parseDouble(a[6]);
        int rounds = Integer.parseInt(a[7]);
        // warm up at every concurrency so JIT and pools settle before anything is recorded
        for (int c : callers) {
            load.run(c, warmup / callers.size());
        }
        for (int r = 1; r <= rounds; r++) {
            for (int c : callers) {
                Result res = load.run(c, measure);
                System.out.printf(Locale.ROOT, "RESULT impl=%s callers=%d round=%d ops=%d errors=%d secs=%.3f "
                                + "opsPerSec=%.1f p50us=%.1f p99us=%.1f cpuUsPerOp=%.2f allocBytesPerOp=%.0f"
                                + " jitMs=%d%n",
                        impl, c, r, res.ops, res.errors, res.secs, res.ops / res.secs, res.hist.percentileMicros(50),
                        res.hist.percentileMicros(99), res.cpuNanos / 1000.0 / res.ops, (double) res.alloc / res.ops,
                        res.jitMs);
                System.out.flush();
            }
        }
        client.close();
        System.out.println("DONE");
        System.out.flush();
    }

    /** jitMs: JIT compilation time spent during the measurement (should be ~0 once warm). */
    private record Result(long ops, long errors, double secs, Histogram hist, long cpuNanos, long alloc, long jitMs) {
    }

    private Result run(int callers, double seconds) throws Exception {
        Histogram[] hists = new Histogram[callers];
        long[] ops = new long[callers];
        AtomicLong errors = new AtomicLong();
        for (int i = 0; i < callers; i++) {
            hists[i] = new Histogram();
        }
        Map<Long, Long> allocBefore = allocatedBytes();
        long cpuBefore = processCpuNanos();
        long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (seconds * 1e9);
        if (client.async()) {
            CountDownLatch done = new CountDownLatch(callers);
            for (int i = 0; i < callers; i++) {
                new Chain(hists[i], ops, i, errors, deadline, done).issue();
            }
            if (!done.await((long) (seconds * 1000) + 30_000, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("async requests did not complete within 30 s of the deadline");
            }
        } else {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int id = i;
                futures.add(pool.submit(() -> blockingLoop(hists[id], ops, id, errors, deadline)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long cpu = processCpuNanos() - cpuBefore;
        long alloc = sum(allocatedBytes(), allocBefore);
        Histogram all = new Histogram();
        long total = 0;
        for (int i = 0; i < callers; i++) {
            all.add(hists[i]);
            total += ops[i];
        }
        long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore;
        return new Result(total, errors.get(), secs, all, cpu, alloc, jit);
    }

    private Void blockingLoop(Histogram hist, long[] ops, int id, AtomicLong errors, long deadline) {
        long n = 0;
        long now = System.nanoTime();
        while (now < deadline && n < MAX_OPS_PER_CALLER) {
            long start = now;
            try {
                client.send(group, MESSAGE);
                now = System.nanoTime();
                hist.recordNanos(now - start);
                n++;
            } catch (Exception e) {
                if (errors.incrementAndGet() <= 3) {
                    e.printStackTrace();
                }
                now = System.nanoTime();
            }
        }
        ops[id] = n;
        return null;
    }

    /** One async caller: a chain of requests, the next issued when the previous completes. */
    private final class Chain {
        private final Histogram hist;
        private final long[] ops;
        private final int id;
        private final AtomicLong errors;
        private final long deadline;
        private final CountDownLatch done;
        private long n;

        Chain(Histogram hist, long[] ops, int id, AtomicLong errors, long deadline, CountDownLatch done) {
            this.hist = hist;
            this.ops = ops;
            this.id = id;
            this.errors = errors;
            this.deadline = deadline;
            this.done = done;
        }

        void issue() {
            while (true) {
                long start = System.nanoTime();
                if (start >= deadline || n >= MAX_OPS_PER_CALLER) {
                    ops[id] = n;
                    done.countDown();
                    return;
                }
                CompletableFuture<?> f;
                try {
                    f = client.sendAsync(group, MESSAGE);
                } catch (RuntimeException e) {
                    f = CompletableFuture.failedFuture(e);
                }
                if (f.isDone()) {
                    complete(f.isCompletedExceptionally() ? f.handle((r, e) -> e).join() : null, start);
                    continue;
                }
                f.whenComplete((r, e) -> {
                    complete(e, start);
                    issue();
                });
                return;
            }
        }

        private void complete(Throwable failure, long start) {
            if (failure != null) {
                if (errors.incrementAndGet() <= 3) {
                    failure.printStackTrace();
                }
            } else {
                hist.recordNanos(System.nanoTime() - start);
                n++;
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Map<Long, Long> allocatedBytes() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = mx.getAllThreadIds();
        long[] bytes = mx.getThreadAllocatedBytes(ids);
        Map<Long, Long> m = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                m.put(ids[i], bytes[i]);
            }
        }
        return m;
    }

    private static long sum(Map<Long, Long> after, Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            total += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return total;
    }
}
