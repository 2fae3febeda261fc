package dev.tributary.core.spi;

import java.util.Map;

/**
 * A snapshot of how far a firehose's events have been handled, made durable only once the rows those
 * events produced are durable. The plumber takes one when a persist starts (on the ingestion thread,
 * so it covers exactly the rows in that persist and before it) and runs it after the persist has been
 * forced to disk, never before: this ordering is what keeps a crash from losing rows.
 *
 * <p>Threading: {@link #metadata} from any thread; {@link #run} once, from the plumber's persist
 * thread or, when the ingestion thread waits for a flush, from that thread.
 */
public interface Committer {
    /**
     * What the snapshot covers, as JSON-friendly data ({@code {"commitId": ..., "partitions": {...}}}
     * for Kafka). The plumber stores it with the persisted rows, so that after a restart the firehose
     * can say whether that commit happened ({@link Firehose#confirms}).
     */
    Map<String, Object> metadata();

    /**
     * Makes the positions durable (for Kafka: the offset ledger, then Kafka's own committed offsets).
     *
     * @throws CommitFencedException when another owner has taken over a position meanwhile: nothing was
     *     committed, and the rows since the last successful commit must be dropped and read again
     */
    void run();
}
