package dev.tributary.quickstart.cluster;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling until something holds, for the command line (tests use Awaitility). */
final class Waits {
    private static final Duration POLL = Duration.ofMillis(200);

    private Waits() {
    }

    /**
     * Polls {@code condition} until it holds.
     *
     * @param what what is awaited, for the error message
     * @param problem checked on every poll: a non-null answer (say, "the process exited") fails at once with it
     * @throws LocalClusterException after {@code timeout}, or when {@code problem} reports one
     */
    static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> problem) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String failure = problem.get();
            if (failure != null) {
                throw new LocalClusterException(what + " failed: " + failure);
            }
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new LocalClusterException("gave up waiting after " + timeout.toSeconds() + " s for " + what);
            }
            pause(POLL);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalClusterException("interrupted", e);
        }
    }
}
