package dev.tributary.bench.segment;

import dev.tributary.bench.engine.PreparedQuery;

/** A persisted segment opened for queries. Queries run on the calling thread; one thread at a time. */
public interface LoadedSegment extends AutoCloseable {
    /** Rows in the segment. */
    int rowCount();

    /**
     * Prepares a Druid native query (JSON) against this segment alone, and runs it once to be sure it
     * runs. Its {@link PreparedQuery#run()} returns the results fully materialized.
     *
     * @throws dev.tributary.bench.engine.UnsupportedQueryException if this side cannot read or run it
     */
    PreparedQuery prepare(String queryJson);

    /** Unmaps and releases the segment; its prepared queries must not run afterwards. */
    @Override
    void close();
}
