package dev.tributary.core.segment;

import dev.tributary.core.column.ColumnType;
import java.util.Arrays;

/**
 * The sort and rollup key of one row in merged terms: its time, and per output dimension either its
 * merged dictionary ids or its number (or null). Keys order rows as segments store them: by time,
 * then by each dimension in schema order (strings by merged id, which is their dictionary order;
 * value lists element by element, a shorter prefix first; numbers with null first). Mutable and
 * reused; one thread.
 */
final class RowKey {
    private final MergePlan.Dimension[] dimensions;
    long time;
    final int[][] ids;
    final int[] counts;
    final boolean[] nulls;
    final long[] longs;
    final double[] doubles;

    RowKey(MergePlan.Dimension[] dimensions) {
        this.dimensions = dimensions;
        int n = dimensions.length;
        this.ids = new int[n][];
        this.counts = new int[n];
        this.nulls = new boolean[n];
        this.longs = new long[n];
        this.doubles = new double[n];
        for (int d = 0; d < n; d++) {
            ids[d] = new int[1];
        }
    }

    /** Room for {@code count} ids of dimension {@code d}; returns the array to fill. */
    int[] ids(int d, int count) {
        if (ids[d].length < count) {
            ids[d] = new int[Math.max(count, ids[d].length * 2)];
        }
        counts[d] = count;
        return ids[d];
    }

    int compareTo(RowKey other) {
        int c = Long.compare(time, other.time);
        for (int d = 0; c == 0 && d < dimensions.length; d++) {
            c = compareDimension(d, other);
        }
        return c;
    }

    private int compareDimension(int d, RowKey other) {
        ColumnType type = dimensions[d].type();
        if (type == ColumnType.STRING) {
            return Arrays.compare(ids[d], 0, counts[d], other.ids[d], 0, other.counts[d]);
        }
        if (nulls[d] || other.nulls[d]) {
            return Boolean.compare(!nulls[d], !other.nulls[d]);
        }
        return type == ColumnType.LONG ? Long.compare(longs[d], other.longs[d]) : Double.compare(doubles[d], other.doubles[d]);
    }

    void copyFrom(RowKey other) {
        time = other.time;
        for (int d = 0; d < dimensions.length; d++) {
            int[] target = ids(d, other.counts[d]);
            System.arraycopy(other.ids[d], 0, target, 0, other.counts[d]);
            nulls[d] = other.nulls[d];
            longs[d] = other.longs[d];
            doubles[d] = other.doubles[d];
        }
    }
}
