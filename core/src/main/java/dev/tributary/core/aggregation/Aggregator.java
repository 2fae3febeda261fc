package dev.tributary.core.aggregation;

/**
 * Folds the current row's value into a running result. Not thread-safe: one writer calls
 * {@link #aggregate()}; readers of an index that is still being written read through the index,
 * which orders their reads after the writes.
 */
public interface Aggregator {
    /** Adds the current row of the selectors this aggregator was made with. */
    void aggregate();

    /** The result so far: a Long or a Double, or null when nothing non-null was aggregated. */
    Object get();
}
