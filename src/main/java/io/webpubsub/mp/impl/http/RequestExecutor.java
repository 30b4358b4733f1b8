package io.webpubsub.mp.impl.http;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.ProcessingException;

import io.webpubsub.mp.WebPubSubServiceException;
import io.webpubsub.mp.impl.telemetry.Telemetry;
import io.webpubsub.mp.impl.telemetry.Telemetry.Operation;

/**
 * Runs {@link Call}s with retry, blocking ({@link #execute}) or asynchronously ({@link #executeAsync}); both
 * drivers follow the same {@link RetryPolicy}. Each call with an operation name is reported to the hub's
 * {@link Telemetry.Hub} as one operation of one or more attempts.
 */
public final class RequestExecutor {

    private static final System.Logger LOG = System.getLogger("io.webpubsub.mp.http");

    private final RetryPolicy policy;
    private final Executor asyncExecutor;
    private final Runnable beforeAttempt;
    private final Telemetry.Hub telemetry;

    /**
     * An executor that reports nothing.
     *
     * @param policy the retry rules
     * @param asyncExecutor runs the attempts of asynchronous calls without an asynchronous form (they block on
     *        I/O) and those with {@code beforeAttempt}
     * @param beforeAttempt runs on the attempt's thread before each attempt, or null; fetches an Entra ID token
     *        there rather than in the request filter, which some REST clients (Quarkus) run on an event loop
     */
    public RequestExecutor(RetryPolicy policy, Executor asyncExecutor, Runnable beforeAttempt) {
        this(policy, asyncExecutor, beforeAttempt, Telemetry.Hub.OFF);
    }

    /**
     * @param policy the retry rules
     * @param asyncExecutor runs the attempts of asynchronous calls that may block
     * @param beforeAttempt runs on the attempt's thread before each attempt (it may block), or null
     * @param telemetry where operations are reported
     */
    public RequestExecutor(RetryPolicy policy, Executor asyncExecutor, Runnable beforeAttempt,
            Telemetry.Hub telemetry) {
        this.policy = policy;
        this.asyncExecutor = asyncExecutor;
        this.beforeAttempt = beforeAttempt;
        this.telemetry = telemetry;
    }

    /**
     * Runs a call on the current thread, sleeping between attempts.
     *
     * @param call the call
     * @param <T> the result type
     * @return the result
     */
    public <T> T execute(Call<T> call) {
        Telemetry.Operation operation = start(call);
        try {
            T result = retrying(call, operation);
            operation.end(null);
            return result;
        } catch (RuntimeException e) {
            operation.end(e);
            throw e;
        }
    }

    private <T> T retrying(Call<T> call, Telemetry.Operation operation) {
        for (int retries = 0;; retries++) {
            try (Telemetry.Attempt attempt = operation.attempt()) {
                before();
                return call.attempt().get();
            } catch (RuntimeException e) {
                RetryPolicy.Step step = next(call, operation, retries, e);
                if (step.failure() != null) {
                    throw step.failure();
                }
                sleep(call, step.delay(), e);
            }
        }
    }

    /**
     * Runs a call asynchronously, scheduling retries without holding a thread while waiting. A call with an
     * asynchronous form starts each attempt without blocking (on the calling thread, or on the async executor when
     * {@code beforeAttempt} may block); one without runs each attempt on the async executor. Cancelling the
     * returned future stops further attempts.
     *
     * @param call the call
     * @param <T> the result type
     * @return the result
     */
    public <T> CompletableFuture<T> executeAsync(Call<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Telemetry.Operation operation = start(call);
        // the operation ends before the future completes (so it is recorded when join() returns); this ends it
        // when the caller cancels
        if (operation != Telemetry.Operation.OFF) {
            result.whenComplete((value, failure) -> operation.end(failure));
        }
        attempt(call, operation, 0, result, startsOn(call));
        return result;
    }

    private Executor startsOn(Call<?> call) {
        return call.asyncAttempt() != null && beforeAttempt == null ? Runnable::run : asyncExecutor;
    }

    private <T> void attempt(Call<T> call, Operation operation, int retries, CompletableFuture<T> result,
            Executor via) {
        try {
            via.execute(() -> {
                if (result.isDone()) {
                    return;
                }
                if (call.asyncAttempt() != null) {
                    startAttempt(call, operation, retries, result);
                } else {
                    runAttempt(call, operation, retries, result);
                }
            });
        } catch (RejectedExecutionException e) {
            operation.end(e);
            result.completeExceptionally(e);
        }
    }

    private <T> void runAttempt(Call<T> call, Operation operation, int retries, CompletableFuture<T> result) {
        T value;
        try (Telemetry.Attempt attempt = operation.attempt()) {
            before();
            value = call.attempt().get();
        } catch (RuntimeException e) {
            failed(call, operation, retries, result, e);
            return;
        }
        operation.end(null);
        result.complete(value);
    }

    private <T> void startAttempt(Call<T> call, Operation operation, int retries, CompletableFuture<T> result) {
        CompletionStage<T> stage;
        // the attempt's scope covers the start, where the REST client runs its request filters or captures the
        // context for the thread that will
        try (Telemetry.Attempt attempt = operation.attempt()) {
            before();
            stage = call.asyncAttempt().get();
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                operation.end(null);
                result.complete(value);
            } else if (cause(failure) instanceof Error error) {
                operation.end(error);
                result.completeExceptionally(error);
            } else {
                failed(call, operation, retries, result, unwrap(failure));
            }
        });
    }

    private <T> void failed(Call<T> call, Operation operation, int retries, CompletableFuture<T> result,
            RuntimeException e) {
        RetryPolicy.Step step = next(call, operation, retries, e);
        if (step.failure() != null) {
            operation.end(step.failure());
            result.completeExceptionally(step.failure());
        } else {
            attempt(call, operation, retries + 1, result, CompletableFuture.delayedExecutor(
                    step.delay().toMillis(), TimeUnit.MILLISECONDS, startsOn(call)));
        }
    }

    private void before() {
        if (beforeAttempt != null) {
            beforeAttempt.run();
        }
    }

    /**
     * The failure an asynchronous REST call completed with, without the {@link CompletionException} or
     * {@link ExecutionException} wrappers; a checked exception becomes a {@link ProcessingException}, as I/O
     * failures of blocking calls are.
     *
     * @param failure what the stage completed with
     * @return the failure to retry on or report
     */
    public static RuntimeException unwrap(Throwable failure) {
        Throwable t = cause(failure);
        return t instanceof RuntimeException runtime ? runtime : new ProcessingException(t);
    }

    private static Throwable cause(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private Telemetry.Operation start(Call<?> call) {
        return call.operation() == null ? Telemetry.Operation.OFF : telemetry.start(call.operation());
    }

    private RetryPolicy.Step next(Call<?> call, Telemetry.Operation operation, int retries, RuntimeException e) {
        RetryPolicy.Step step = policy.decide(call, retries, e);
        if (step.delay() != null) {
            LOG.log(Level.DEBUG, "Retry {0} of {1} in {2} ms after: {3}", retries + 1, call.request(),
                    step.delay().toMillis(), e.getMessage());
            operation.retry(e, step.delay());
        }
        return step;
    }

    private static void sleep(Call<?> call, Duration delay, RuntimeException cause) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            WebPubSubServiceException stop = Exceptions.noResponse(call.request(), interrupted);
            stop.addSuppressed(cause);
            throw stop;
        }
    }
}
