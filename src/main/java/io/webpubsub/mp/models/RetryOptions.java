package io.webpubsub.mp.models;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed requests are retried: at most {@code maxRetries} times, waiting {@code delay × 2^(n-1)} (±20 %
 * jitter, at most {@code maxDelay}) before retry {@code n}, or what the service asks for with
 * {@code Retry-After}, {@code retry-after-ms} or {@code x-ms-retry-after-ms}.
 *
 * <p>Retried: connection failures and timeouts and the statuses 408, 429, 500, 502, 503 and 504. Sends are
 * retried only when the message provably did not reach the service (connection refused, unknown host, connect
 * timeout) or the service answered 429 or 503; see {@link io.webpubsub.mp.WebPubSubDeliveryUnknownException}.
 * A {@code Retry-After} longer than {@code maxDelay} is not waited for: the call fails instead.
 *
 * <p>Defaults (the Azure SDK defaults): 3 retries, 0.8 s, at most 60 s. Config keys
 * {@code azure.webpubsub.retry.max-retries}, {@code .delay}, {@code .max-delay}; {@code max-retries=0} turns
 * retrying off.
 *
 * @since 0.1.0
 */
public final class RetryOptions {

    private int maxRetries = 3;
    private Duration delay = Duration.ofMillis(800);
    private Duration maxDelay = Duration.ofSeconds(60);

    /** Creates the default options. */
    public RetryOptions() {
    }

    /**
     * The most retries after the first attempt.
     *
     * @param maxRetries 0 turns retrying off; default 3
     * @return these options
     * @throws IllegalArgumentException if negative
     */
    public RetryOptions setMaxRetries(int maxRetries) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("The 'maxRetries' must not be negative: " + maxRetries);
        }
        this.maxRetries = maxRetries;
        return this;
    }

    /**
     * The delay before the first retry; doubled for each further one.
     *
     * @param delay the base delay; default 0.8 s
     * @return these options
     * @throws IllegalArgumentException if negative
     */
    public RetryOptions setDelay(Duration delay) {
        this.delay = nonNegative(delay, "delay");
        return this;
    }

    /**
     * The longest wait between attempts.
     *
     * @param maxDelay the cap; default 60 s
     * @return these options
     * @throws IllegalArgumentException if negative
     */
    public RetryOptions setMaxDelay(Duration maxDelay) {
        this.maxDelay = nonNegative(maxDelay, "maxDelay");
        return this;
    }

    private static Duration nonNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException("The '" + name + "' must not be negative: " + value);
        }
        return value;
    }

    /**
     * The most retries.
     *
     * @return the count
     */
    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * The base delay.
     *
     * @return the delay
     */
    public Duration getDelay() {
        return delay;
    }

    /**
     * The longest wait.
     *
     * @return the cap
     */
    public Duration getMaxDelay() {
        return maxDelay;
    }

    @Override
    public String toString() {
        return "RetryOptions[maxRetries=" + maxRetries + ", delay=" + delay + ", maxDelay=" + maxDelay + "]";
    }
}
