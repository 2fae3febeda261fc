package dev.tributary.bench.engine;

/** A query bound to one index, ready to run again and again. */
public interface PreparedQuery {
    /**
     * Runs the query to completion and returns its results fully materialized, in the engine's own
     * form (not serialized: serializing is the HTTP layer's cost on both sides).
     */
    Object run();

    /** {@code results} of {@link #run()} as Druid's JSON, for checking that both sides agree. */
    String toJson(Object results);
}
