package io.webpubsub.mp.impl.http;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared pool that runs the blocking REST calls of asynchronous clients without an executor of their own:
 * up to 64 daemon threads, idle ones end after 60 s, further tasks queue.
 */
public final class AsyncPool {

    private static final int THREADS = 64;

    private AsyncPool() {
    }

    /**
     * @return the shared pool
     */
    public static Executor shared() {
        return Holder.POOL;
    }

    private static final class Holder {
        static final ThreadPoolExecutor POOL = create();

        private static ThreadPoolExecutor create() {
            AtomicInteger count = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "webpubsub-mp-" + count.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }
}
