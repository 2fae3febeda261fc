package dev.tributary.bench.engine;

/** One engine's live in-memory index. One writer; queries run after the writes, on the same thread. */
public interface EngineIndex {
    /** Adds one event that {@link Engine#parse} produced. */
    void add(Object parsedEvent);

    /** Rows in the index after rollup. */
    int rowCount();

    /**
     * Prepares a Druid native query (JSON) against this index, and runs it once to be sure it runs.
     *
     * @throws UnsupportedQueryException if this engine cannot read or run the query
     */
    PreparedQuery prepare(String queryJson);
}
