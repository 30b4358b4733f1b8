package io.webpubsub.mp.impl.telemetry;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Runs each task in the trace context and operation attempt of the thread that submitted it: a blocking REST
 * client runs the filters of an asynchronous request on its executor, where they must still see the attempt
 * (for {@code traceparent} and the response status). Lifecycle methods go to the wrapped executor.
 */
final class PropagatingExecutor extends AbstractExecutorService {

    private final ExecutorService delegate;

    PropagatingExecutor(ExecutorService delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        Context context = Context.current();
        OtelOperation operation = OtelOperation.CURRENT.get();
        delegate.execute(() -> {
            OtelOperation outer = OtelOperation.CURRENT.get();
            OtelOperation.CURRENT.set(operation);
            try (Scope scope = context.makeCurrent()) {
                task.run();
            } finally {
                OtelOperation.CURRENT.set(outer);
            }
        });
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.awaitTermination(timeout, unit);
    }
}
