package io.webpubsub.mp.impl.http;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Where asynchronous calls run when they need a thread: the executor the application gave the builder, else the
 * container's managed executor (MicroProfile Context Propagation's {@code ManagedExecutor} bean, then Jakarta
 * Concurrency's {@code java:comp/DefaultManagedExecutorService}), else a small shared pool. On a non-blocking REST
 * client (Quarkus) calls with an asynchronous form need no thread at all.
 */
public final class AsyncExecutors {

    /** The shared pool's size: only blocking REST clients outside a container wait on it. */
    static final int DEFAULT_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private static final System.Logger LOG = System.getLogger("io.webpubsub.mp.http");
    private static final String MP_MANAGED_EXECUTOR = "org.eclipse.microprofile.context.ManagedExecutor";
    private static final String EE_MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";

    private AsyncExecutors() {
    }

    /**
     * @param configured the application's executor, or null
     * @return the executor of a hub's asynchronous calls
     */
    public static ExecutorService choose(Executor configured) {
        if (configured != null) {
            return configured instanceof ExecutorService service ? service : new Adapter(configured);
        }
        ExecutorService managed = managedBean();
        if (managed == null) {
            managed = managedResource();
        }
        return managed != null ? managed : Holder.POOL;
    }

    /**
     * @param builder a REST client builder of the runtime
     * @return whether the runtime's REST client is non-blocking (the Quarkus REST client on Vert.x), which takes no
     *         executor for asynchronous methods
     */
    public static boolean nonBlocking(RestClientBuilder builder) {
        return builder.getClass().getName().startsWith("io.quarkus.rest.client.reactive.");
    }

    private static ExecutorService managedBean() {
        try {
            Class<?> type = Class.forName(MP_MANAGED_EXECUTOR, false, AsyncExecutors.class.getClassLoader());
            var beans = jakarta.enterprise.inject.spi.CDI.current().select(type);
            return beans.isResolvable() ? (ExecutorService) beans.get() : null;
        } catch (ClassNotFoundException | LinkageError | IllegalStateException absent) {
            return null;
        }
    }

    private static ExecutorService managedResource() {
        try {
            Object found = new javax.naming.InitialContext().lookup(EE_MANAGED_EXECUTOR);
            return found instanceof ExecutorService service ? service : null;
        } catch (javax.naming.NamingException | LinkageError | RuntimeException absent) {
            LOG.log(Level.TRACE, "No managed executor service: {0}", absent);
            return null;
        }
    }

    private static final class Holder {
        static final ThreadPoolExecutor POOL = create();

        private static ThreadPoolExecutor create() {
            AtomicInteger count = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(DEFAULT_THREADS, DEFAULT_THREADS, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "webpubsub-mp-" + count.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }

    /** An application's plain {@link Executor} as the service a REST client builder takes; it stays theirs. */
    private static final class Adapter extends AbstractExecutorService {

        private final Executor executor;

        Adapter(Executor executor) {
            this.executor = executor;
        }

        @Override
        public void execute(Runnable task) {
            executor.execute(task);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return false;
        }
    }
}
