package dev.tributary.core.aggregation;

/**
 * Query-time aggregation over the rows of one index into many groups ("slots"): one slot per time
 * bucket for timeseries, per dimension value for topN, per key for groupBy. Reads its input columns
 * by row number. Used by one query thread; every call happens inside the index's scan.
 */
public interface GroupAggregator {
    /** Makes room for slots {@code 0 .. slots - 1}; new slots start with nothing aggregated. */
    void ensureCapacity(int slots);

    /** Folds row {@code row} into slot {@code slot}. */
    void aggregate(int slot, int row);

    /**
     * Folds rows {@code [start, end)} into slot {@code slot}, in row order: what a scan does with a
     * run of rows that share a bucket. Implementations may read the range a block at a time.
     */
    default void aggregateRange(int slot, int start, int end) {
        for (int row = start; row < end; row++) {
            aggregate(slot, row);
        }
    }

    /**
     * Folds each row {@code start + i} of {@code [start, end)} into slot {@code slots[i]}, skipping
     * rows whose slot is negative: what a grouping scan does with a block once it has keyed it.
     */
    default void aggregateBatch(int[] slots, int start, int end) {
        for (int row = start; row < end; row++) {
            int slot = slots[row - start];
            if (slot >= 0) {
                aggregate(slot, row);
            }
        }
    }

    /** The slot's intermediate value, or null when nothing non-null was aggregated into it. */
    Object get(int slot);
}
