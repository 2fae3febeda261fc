package dev.tributary.worker.realtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counts of one ingestion run. Every consumed event lands in exactly one of processed,
 * unparseable and thrownAway, so {@code processed + unparseable + thrownAway == consumed} whenever the
 * ingestion thread is between events. Written by the ingestion thread, read by any thread.
 */
public final class IngestionMetrics {
    /** How many recent unparseable events are kept for inspection. */
    static final int SAMPLES = 10;

    private final AtomicLong consumed = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong unparseable = new AtomicLong();
    private final AtomicLong thrownAway = new AtomicLong();
    private final Deque<UnparseableEvent> recentUnparseable = new ArrayDeque<>();

    /** One bad event, by position, for {@code /status/ingestion}. */
    public record UnparseableEvent(String partition, long offset, String reason) {
    }

    /** Per partition ever handled: the next position to read after the events handled. */
    private final Map<String, Long> positions = new java.util.concurrent.ConcurrentHashMap<>();
    /** The partitions the firehose reads now, with their lag; replaced after every poll. */
    private volatile Map<String, Long> assigned = Map.of();
    private final java.util.concurrent.atomic.AtomicLong rewinds = new java.util.concurrent.atomic.AtomicLong();

    void recordPositions(Map<String, Long> handled, Map<String, Long> lag) {
        positions.putAll(handled);
        assigned = Map.copyOf(lag);
    }

    void recordRewind() {
        rewinds.incrementAndGet();
    }

    /** Times the loop dropped uncommitted rows and read again (refused commits, lost partitions). */
    public long rewinds() {
        return rewinds.get();
    }

    /**
     * The partitions the firehose reads now, each as {@code {"position": next offset handled (-1: none
     * yet), "lag": events behind}}.
     */
    public Map<String, Map<String, Long>> partitions() {
        Map<String, Map<String, Long>> view = new java.util.TreeMap<>();
        assigned.forEach((partition, lag) -> view.put(partition, Map.of("position", positions.getOrDefault(partition, -1L), "lag", lag)));
        return view;
    }

    /** The partitions the firehose reads now. */
    public Set<String> assignedPartitions() {
        return assigned.keySet();
    }

    /** The next offset to read of a partition after the events handled; -1 when none yet. */
    public long position(String partition) {
        return positions.getOrDefault(partition, -1L);
    }

    /** How many events a partition's end is ahead of the consumer; NaN when it is not read here now. */
    public double lag(String partition) {
        Long lag = assigned.get(partition);
        return lag == null ? Double.NaN : lag;
    }

    void recordConsumed() {
        consumed.incrementAndGet();
    }

    void recordProcessed() {
        processed.incrementAndGet();
    }

    void recordThrownAway() {
        thrownAway.incrementAndGet();
    }

    void recordUnparseable(String partition, long offset, String reason) {
        unparseable.incrementAndGet();
        synchronized (recentUnparseable) {
            if (recentUnparseable.size() == SAMPLES) {
                recentUnparseable.removeFirst();
            }
            recentUnparseable.addLast(new UnparseableEvent(partition, offset, reason));
        }
    }

    public long consumed() {
        return consumed.get();
    }

    public long processed() {
        return processed.get();
    }

    public long unparseable() {
        return unparseable.get();
    }

    public long thrownAway() {
        return thrownAway.get();
    }

    /** The most recent unparseable events, oldest first. */
    public List<UnparseableEvent> recentUnparseable() {
        synchronized (recentUnparseable) {
            return new ArrayList<>(recentUnparseable);
        }
    }
}
