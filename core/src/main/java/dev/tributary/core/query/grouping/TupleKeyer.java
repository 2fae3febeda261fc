package dev.tributary.core.query.grouping;

import dev.tributary.core.aggregation.GroupAggregator;
import java.util.Arrays;

/**
 * Any number of dimensions and buckets: the (bucket, ids) tuple of a row is looked up in one of
 * three tables, the group number being the slot. When the tuple space is small (the product of
 * the bucket count and the dictionary sizes), a dense array indexed by the tuple; else the tuple
 * packed into a long in a primitive hash map; else an int-array hash table. A table that meets a
 * tuple it cannot hold (a dictionary that grew past its bound) hands its groups to the next one,
 * keeping their numbers.
 */
final class TupleKeyer extends Keyer {
    /** The largest dense table, in entries. */
    private static final int DENSE_MAX = 1 << 20;

    private final GroupingColumn[] columns;
    /** parts[0] is the bucket, parts[1 + d] the id of dimension d. */
    private final int[] parts;
    private final int width;
    /** The parts of every group, group after group. */
    private int[] groupParts = new int[0];
    private int groups;
    private boolean started;
    private int[][] ids = new int[0][0];
    private int[] dense;
    private int[] limits;
    private int[] strides;
    private int[] bits;
    private LongIntMap packed;
    private IntArrayTable wide;

    TupleKeyer(RowScope scope, GroupingColumn[] columns) {
        super(scope);
        this.columns = columns;
        this.width = columns.length + 1;
        this.parts = new int[width];
    }

    /** Chooses the table once the dictionaries are known (the first block). */
    private void start() {
        started = true;
        limits = new int[width];
        limits[0] = scope.buckets.size();
        long product = limits[0];
        for (int d = 0; d < columns.length; d++) {
            limits[d + 1] = columns[d].boundedDictionary() ? Math.max(1, columns[d].idBound()) : DENSE_MAX + 1;
            product = Math.min((long) DENSE_MAX + 1, product * limits[d + 1]);
        }
        if (product <= DENSE_MAX) {
            strides = new int[width];
            int stride = 1;
            for (int p = width - 1; p >= 0; p--) {
                strides[p] = stride;
                stride *= limits[p];
            }
            dense = new int[(int) product];
        } else {
            choosePackedOrWide();
        }
    }

    private void choosePackedOrWide() {
        bits = new int[width];
        bits[0] = bitsFor(scope.buckets.size());
        int used = bits[0];
        int unbounded = 0;
        for (int d = 0; d < columns.length; d++) {
            if (columns[d].boundedDictionary()) {
                // one spare bit: a live dictionary may grow a little past the bound
                bits[d + 1] = bitsFor(columns[d].idBound()) + 1;
                used += bits[d + 1];
            } else {
                unbounded++;
            }
        }
        if (unbounded > 0) {
            int share = Math.min(31, (62 - used) / unbounded);
            for (int d = 0; d < columns.length; d++) {
                if (!columns[d].boundedDictionary()) {
                    bits[d + 1] = share;
                    used += share;
                }
            }
            if (share < 8) {
                used = Integer.MAX_VALUE;
            }
        }
        if (used <= 62) {
            packed = new LongIntMap(Math.max(1024, groups * 2));
            for (int g = 0; g < groups; g++) {
                System.arraycopy(groupParts, g * width, parts, 0, width);
                if (!fitsPacked()) {
                    packed = null;
                    break;
                }
                packed.getOrAddNext(pack());
            }
        }
        if (packed == null) {
            toWide();
        }
    }

    private void toWide() {
        wide = new IntArrayTable(width, Math.max(1024, groups * 2));
        int[] tuple = new int[width];
        for (int g = 0; g < groups; g++) {
            System.arraycopy(groupParts, g * width, tuple, 0, width);
            wide.getOrAdd(tuple);
        }
        packed = null;
    }

    @Override
    void visit(int start, int end) {
        if (!started) {
            start();
        }
        boolean multi = false;
        for (GroupingColumn column : columns) {
            multi |= column.multiValued();
        }
        if (!multi) {
            visitSingleValued(start, end);
            return;
        }
        for (int row = start; row < end; row++) {
            int bucket = scope.bucketOf(row);
            if (bucket < 0) {
                continue;
            }
            parts[0] = bucket;
            explode(row, 0);
        }
    }

    /** A block at a time: buckets, then each dimension's ids, then every aggregator over the block. */
    private void visitSingleValued(int start, int end) {
        int n = end - start;
        int dims = columns.length;
        int[] keys = slots(n);
        if (ids.length < dims || ids[0].length < n) {
            ids = new int[dims][n];
        }
        scope.bucketsOf(start, end, keys);
        for (int d = 0; d < dims; d++) {
            columns[d].ids(start, end, ids[d]);
        }
        for (int i = 0; i < n; i++) {
            if (keys[i] < 0) {
                continue;
            }
            int known = dense == null ? -1 : denseGroup(keys[i], i);
            if (known >= 0) {
                keys[i] = known;
                continue;
            }
            parts[0] = keys[i];
            for (int d = 0; d < dims; d++) {
                parts[d + 1] = ids[d][i];
            }
            keys[i] = group();
        }
        scope.aggregateBatch(keys, start, end);
    }

    /** Adds the row once per combination of the values of its multi-value dimensions. */
    private void explode(int row, int d) {
        if (d == columns.length) {
            scope.aggregate(group(), row);
            return;
        }
        GroupingColumn column = columns[d];
        int count = column.multiValued() ? column.valueCount(row) : 1;
        if (count <= 1) {
            parts[d + 1] = count == 0 ? 0 : column.id(row);
            explode(row, d + 1);
        } else {
            for (int i = 0; i < count; i++) {
                parts[d + 1] = column.id(row, i);
                explode(row, d + 1);
            }
        }
    }

    /** The existing group of row {@code i} of the block in the dense table, or -1 (new, or out of its bounds). */
    private int denseGroup(int bucket, int i) {
        if (bucket >= limits[0]) {
            return -1;
        }
        int index = bucket * strides[0];
        for (int d = 0; d < ids.length; d++) {
            int id = ids[d][i];
            if (id >= limits[d + 1]) {
                return -1;
            }
            index += id * strides[d + 1];
        }
        return dense[index] - 1;
    }

    /** The group of the tuple in {@link #parts}, made if new. */
    private int group() {
        if (dense != null) {
            int index = 0;
            for (int p = 0; p < width; p++) {
                if (parts[p] >= limits[p]) {
                    dense = null;
                    choosePackedOrWide();
                    return group();
                }
                index += parts[p] * strides[p];
            }
            int entry = dense[index];
            if (entry != 0) {
                return entry - 1;
            }
            dense[index] = groups + 1;
            return newGroup();
        }
        int group;
        if (packed != null) {
            if (!fitsPacked()) {
                toWide();
                return group();
            }
            group = packed.getOrAddNext(pack());
        } else {
            group = wide.getOrAdd(parts);
        }
        return group == groups ? newGroup() : group;
    }

    private boolean fitsPacked() {
        for (int p = 1; p < width; p++) {
            if (parts[p] >>> bits[p] != 0) {
                return false;
            }
        }
        return true;
    }

    private long pack() {
        long key = parts[0];
        for (int p = 1; p < width; p++) {
            key = (key << bits[p]) | parts[p];
        }
        return key;
    }

    private int newGroup() {
        int group = groups++;
        RowScope.checkGroupCount(groups);
        if (groupParts.length < groups * width) {
            groupParts = Arrays.copyOf(groupParts, Math.max(16 * width, groupParts.length * 2));
        }
        System.arraycopy(parts, 0, groupParts, group * width, width);
        scope.ensureSlots(groups);
        return group;
    }

    @Override
    PieceGroups result(GroupingColumn[] columns, GroupAggregator[] aggregators) {
        int dims = columns.length;
        int[] buckets = new int[groups];
        int[] ids = new int[groups * dims];
        for (int g = 0; g < groups; g++) {
            buckets[g] = groupParts[g * width];
            System.arraycopy(groupParts, g * width + 1, ids, g * dims, dims);
        }
        return new PieceGroups(groups, buckets, ids, null, columns, aggregators);
    }

    private static int bitsFor(int values) {
        return values <= 1 ? 1 : 32 - Integer.numberOfLeadingZeros(values - 1);
    }
}
