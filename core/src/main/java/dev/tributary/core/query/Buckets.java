package dev.tributary.core.query;

import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.Arrays;

/**
 * The time buckets of a query granularity over one range, numbered from 0: maps a row time to its
 * bucket number with arithmetic for fixed-width granularities and a binary search for calendar ones.
 */
public final class Buckets {
    /** The most buckets a query may span: each may become a result row. */
    public static final int MAX_BUCKETS = 5_000_000;

    private final long first;
    private final long width;
    private final long[] starts;
    private final int size;

    private Buckets(long first, long width, long[] starts, int size) {
        this.first = first;
        this.width = width;
        this.starts = starts;
        this.size = size;
    }

    /** The buckets covering {@code range}; for {@code all}, one bucket starting at the range start. */
    public static Buckets over(Granularity granularity, Interval range) {
        if (granularity == Granularity.ALL) {
            return new Buckets(range.start(), Long.MAX_VALUE, null, 1);
        }
        long first = granularity.bucketStart(range.start());
        long width = granularity.fixedWidthMillis();
        if (width > 0) {
            long count = (range.end() - first + width - 1) / width;
            checkCount(granularity, count);
            return new Buckets(first, width, null, (int) count);
        }
        long[] starts = new long[16];
        int n = 0;
        for (long b = first; b < range.end(); b = granularity.next(b)) {
            if (n == starts.length) {
                checkCount(granularity, n + 1L);
                starts = Arrays.copyOf(starts, n * 2);
            }
            starts[n++] = b;
        }
        return new Buckets(first, 0, Arrays.copyOf(starts, n), n);
    }

    private static void checkCount(Granularity granularity, long count) {
        if (count > MAX_BUCKETS) {
            throw new ResourceLimitExceededException("granularity '" + granularity.jsonName() + "' makes more than "
                    + MAX_BUCKETS + " buckets over the data; use a coarser granularity or a shorter interval");
        }
    }

    /** How many buckets there are. */
    public int size() {
        return size;
    }

    /** The bucket number of a time inside the range. */
    public int slot(long time) {
        if (starts == null) {
            return width == Long.MAX_VALUE ? 0 : (int) ((time - first) / width);
        }
        int i = Arrays.binarySearch(starts, time);
        return i >= 0 ? i : -i - 2;
    }

    /** The start of bucket {@code slot}. */
    public long start(int slot) {
        if (starts != null) {
            return starts[slot];
        }
        return width == Long.MAX_VALUE ? first : first + slot * width;
    }
}
