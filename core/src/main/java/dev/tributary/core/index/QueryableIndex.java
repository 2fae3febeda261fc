package dev.tributary.core.index;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.List;

/**
 * A queryable piece of a dataSource, read by row number: the live {@link IncrementalIndex} of a sink
 * now, persisted hydrants and merged segments later. Query engines read it only through
 * {@link #scan}; everything else may be called at any time from any thread.
 */
public interface QueryableIndex {
    String dataSource();

    /** From the earliest row time to just after the latest; null when there are no rows. */
    Interval dataInterval();

    /** Row times are truncated to this. */
    Granularity queryGranularity();

    boolean rollup();

    /** The dimension names, in schema order. */
    List<String> dimensionNames();

    /** The ingest-time metrics, in spec order. */
    List<AggregatorFactory> metrics();

    /** The latest event time (not truncated) ingested, or {@code Long.MIN_VALUE} if none. */
    long maxIngestedEventTime();

    /** The column {@code __time}, a dimension or a metric by name; null when there is none. */
    Column column(String name);

    /** The {@code __time} column. */
    NumericColumn time();

    /**
     * True when row numbers are in time order (a segment; a live index appends rows as events come),
     * so that a scan may find a time range by binary search and aggregate runs of rows at once.
     */
    default boolean sortedByTime() {
        return false;
    }

    /**
     * Visits every row that exists when the scan starts, as consecutive blocks {@code [start, end)} of
     * row numbers, in no particular time order. Each block is visited under the guard that keeps its
     * rows stable (a live index's read lock), so a visitor never sees a half-written row; keep the work
     * per block short, since the writer waits for it. The visitor runs on the calling thread.
     */
    void scan(RowBlockVisitor visitor);

    /** Receives the blocks of a {@link #scan}. */
    @FunctionalInterface
    interface RowBlockVisitor {
        void visit(int start, int end);
    }
}
