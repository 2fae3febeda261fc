package dev.tributary.core.query.grouping;

import dev.tributary.core.aggregation.GroupAggregator;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.query.Buckets;
import dev.tributary.core.query.ResourceLimitExceededException;
import dev.tributary.core.query.TimeRanges;
import dev.tributary.core.query.filter.RowMatcher;
import java.util.Arrays;

/** What every keyer needs: which rows count, their bucket, and the aggregators. */
final class RowScope {
    final NumericColumn time;
    final TimeRanges ranges;
    final boolean checkTime;
    final RowMatcher matcher;
    final Buckets buckets;
    final boolean oneBucket;
    final GroupAggregator[] aggregators;
    private int capacity;

    RowScope(NumericColumn time, TimeRanges ranges, RowMatcher matcher, Buckets buckets, GroupAggregator[] aggregators) {
        this.time = time;
        this.ranges = ranges;
        this.checkTime = !ranges.coversAllRows();
        this.matcher = matcher;
        this.buckets = buckets;
        this.oneBucket = buckets.size() == 1;
        this.aggregators = aggregators;
    }

    /** The row's bucket number, or -1 when it is outside the ranges or the filter rejects it. */
    int bucketOf(int row) {
        int bucket = 0;
        if (checkTime || !oneBucket) {
            long t = time.getLong(row);
            if (checkTime && !ranges.contains(t)) {
                return -1;
            }
            bucket = oneBucket ? 0 : buckets.slot(t);
        }
        return matcher == null || matcher.matches(row) ? bucket : -1;
    }

    private long[] times = new long[0];

    /**
     * {@link #bucketOf} for each row of {@code [start, end)} into {@code out[0, end - start)}, reading
     * the time column a block at a time.
     */
    void bucketsOf(int start, int end, int[] out) {
        int n = end - start;
        if (checkTime || !oneBucket) {
            if (times.length < n) {
                times = new long[n];
            }
            time.getLongs(start, end, times);
            for (int i = 0; i < n; i++) {
                long t = times[i];
                out[i] = checkTime && !ranges.contains(t) ? -1 : oneBucket ? 0 : buckets.slot(t);
            }
        } else {
            Arrays.fill(out, 0, n, 0);
        }
        if (matcher != null) {
            for (int i = 0; i < n; i++) {
                if (out[i] >= 0 && !matcher.matches(start + i)) {
                    out[i] = -1;
                }
            }
        }
    }

    /** Folds each row {@code start + i} into slot {@code slots[i]}, skipping negative slots. */
    void aggregateBatch(int[] slots, int start, int end) {
        for (GroupAggregator aggregator : aggregators) {
            aggregator.aggregateBatch(slots, start, end);
        }
    }

    void ensureSlots(int slots) {
        if (slots > capacity) {
            capacity = Math.max(slots, Math.max(16, capacity * 2));
            for (GroupAggregator aggregator : aggregators) {
                aggregator.ensureCapacity(capacity);
            }
        }
    }

    void aggregate(int slot, int row) {
        for (GroupAggregator aggregator : aggregators) {
            aggregator.aggregate(slot, row);
        }
    }

    static void checkGroupCount(int groups) {
        if (groups > PieceGrouper.MAX_GROUPS) {
            throw new ResourceLimitExceededException("the query makes more than " + PieceGrouper.MAX_GROUPS
                    + " groups; add a filter, shorten the intervals or use a coarser granularity");
        }
    }
}
