package dev.tributary.core.spi;

import java.time.Duration;
import java.util.List;

/**
 * Where events come from. A firehose is owned by one ingestion thread: {@link #poll} and
 * {@link #close} are called from that thread only, never concurrently.
 *
 * <p>Events come back in each partition's order. A firehose never acknowledges anything on its own:
 * positions become durable only through the plumber, once the rows they produced are persisted.
 */
public interface Firehose extends AutoCloseable {
    /**
     * Returns the next events, waiting at most {@code maxWait} for some to arrive.
     *
     * @return the events in arrival order; an empty list when none arrived in time, never null
     * @throws InterruptedException if the ingestion thread is interrupted while waiting
     */
    List<RawEvent> poll(Duration maxWait) throws InterruptedException;

    /** Releases the source. Called once, from the ingestion thread, after the last {@link #poll}. */
    @Override
    void close();
}
