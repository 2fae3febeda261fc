package dev.tributary.core.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where events come from. A firehose is owned by one ingestion thread: every method is called from
 * that thread only, never concurrently.
 *
 * <p>Events come back in each partition's order. A firehose never acknowledges anything on its own:
 * positions become durable only through a {@link Committer} the plumber runs once the rows they
 * produced are persisted.
 */
public interface Firehose extends AutoCloseable {
    /**
     * Returns the next events, waiting at most {@code maxWait} for some to arrive. Rebalance
     * callbacks reach the {@link FirehoseListener} from inside this call.
     *
     * @return the events in arrival order; an empty list when none arrived in time, never null
     * @throws InterruptedException if the ingestion thread is interrupted while waiting
     */
    List<RawEvent> poll(Duration maxWait) throws InterruptedException;

    /**
     * A committer for the positions the caller has handled: per partition, the next position to read
     * (the offset after the last event handled). Partitions not in {@code handled} are left as they are.
     */
    Committer makeCommitter(Map<String, Long> handled);

    /**
     * Goes back to the last durable positions of every partition this firehose still reads, after the
     * caller dropped the rows that were not committed (a fenced commit, lost partitions).
     */
    void rewind();

    /**
     * Whether the commit described by {@code metadata} (a {@link Committer#metadata}) was made
     * durable: how a restarted plumber decides which persisted rows to keep.
     */
    boolean confirms(Map<String, Object> metadata);

    /**
     * How far behind each partition this firehose reads is, in events, as far as it knows without a
     * round trip (Kafka: from the last fetch); partitions it does not know are absent.
     */
    default Map<String, Long> lag() {
        return Map.of();
    }

    /** Releases the source. Called once, after the last {@link #poll}. */
    @Override
    void close();
}
