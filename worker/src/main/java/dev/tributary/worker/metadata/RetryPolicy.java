package dev.tributary.worker.metadata;

import java.time.Duration;
import java.util.Objects;

/**
 * How the metadata store retries an operation that failed for a transient reason (see
 * {@link SqlErrors#isTransient}): up to {@code maxAttempts} attempts, waiting {@code firstBackoff}
 * after the first failure and twice as long after each further one, never more than
 * {@code maxBackoff}. Each attempt waits at most {@code connectionTimeout} for a connection, so one
 * operation takes at most about {@code maxAttempts * connectionTimeout} plus the backoffs.
 *
 * @param maxAttempts attempts in all, at least 1
 * @param firstBackoff the wait after the first failed attempt
 * @param maxBackoff the longest wait between two attempts
 * @param connectionTimeout how long one attempt waits for a database connection (at least 250 ms)
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration connectionTimeout) {

    /** 6 attempts, backoffs 0.1, 0.2, 0.4, 0.8, 1.6 s, 5 s per connection: at most about 33 s in all. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(3),
            Duration.ofSeconds(5));

    public RetryPolicy {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= firstBackoff <= maxBackoff, got "
                    + firstBackoff + " and " + maxBackoff);
        }
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms (the pool's minimum), got "
                    + connectionTimeout);
        }
    }

    /** The wait after the {@code failedAttempts}-th failed attempt (1 for the first failure). */
    public Duration backoffAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, got " + failedAttempts);
        }
        // Doubling stops at the cap; the shift is bounded so it never overflows.
        long factor = 1L << Math.min(failedAttempts - 1, 30);
        Duration backoff = firstBackoff.multipliedBy(factor);
        return backoff.compareTo(maxBackoff) > 0 || backoff.isNegative() ? maxBackoff : backoff;
    }
}
