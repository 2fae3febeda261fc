package dev.tributary.worker.plumber;

import dev.tributary.core.spec.TuningConfig;
import dev.tributary.core.time.Interval;
import java.time.Clock;
import java.util.Map;

/**
 * Which events are too late (or too early) for their segment, as Druid's realtime rejection
 * policies decide; a rejected event is counted as thrownAway. Used by the ingestion thread only.
 */
interface RejectionPolicy {
    /** Whether an event of this time is accepted; may remember it (messageTime does). */
    boolean accept(long timestamp);

    /**
     * Whether the sink of {@code interval} is due for handoff: no event this policy accepts can
     * belong to it any more (its end plus windowPeriod has passed). {@code none} never hands off, as in Druid.
     */
    boolean handoffDue(Interval interval);

    /** The policy a tuningConfig names, with its windowPeriod. */
    static RejectionPolicy of(TuningConfig tuning, Clock clock) {
        long window = tuning.windowPeriod().toMillis();
        Map<String, String> policy = tuning.rejectionPolicy();
        return switch (policy.get("type")) {
            case "none" -> new None();
            case "messageTime" -> new MessageTime(window);
            default -> new ServerTime(window, clock);
        };
    }

    /** {@code none}: every event is accepted, and sinks are never handed off. */
    record None() implements RejectionPolicy {
        @Override
        public boolean accept(long timestamp) {
            return true;
        }

        @Override
        public boolean handoffDue(Interval interval) {
            return false;
        }
    }

    /** {@code serverTime}: within windowPeriod of the server's clock, either way. */
    record ServerTime(long window, Clock clock) implements RejectionPolicy {
        @Override
        public boolean accept(long timestamp) {
            long now = clock.millis();
            return timestamp >= now - window && timestamp <= now + window;
        }

        @Override
        public boolean handoffDue(Interval interval) {
            return clock.millis() >= interval.end() + window;
        }
    }

    /** {@code messageTime}: not older than windowPeriod before the latest event time seen. */
    final class MessageTime implements RejectionPolicy {
        private final long window;
        private long latest = Long.MIN_VALUE;

        MessageTime(long window) {
            this.window = window;
        }

        @Override
        public boolean accept(long timestamp) {
            latest = Math.max(latest, timestamp);
            return timestamp >= latest - window;
        }

        @Override
        public boolean handoffDue(Interval interval) {
            return latest != Long.MIN_VALUE && latest >= interval.end() + window;
        }
    }
}
