package dev.tributary.core.query.grouping;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.GroupAggregator;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.Buckets;
import dev.tributary.core.query.ResourceLimitExceededException;
import dev.tributary.core.query.RunningQuery;
import dev.tributary.core.query.TimeRanges;
import dev.tributary.core.query.dimension.DimensionSpec;
import dev.tributary.core.query.filter.DimFilter;
import dev.tributary.core.query.filter.RowMatcher;
import java.util.Arrays;
import java.util.List;

/**
 * Aggregates the rows of one piece into groups keyed by (time bucket, dimension values), the core of
 * topN, groupBy and search. Each group gets an aggregator slot, found without boxing or per-row
 * allocation:
 * <ul>
 *   <li>no dimensions: the slot is the bucket number;</li>
 *   <li>one dimension and one bucket: the slot is the dictionary id (array-indexed, no hashing);</li>
 *   <li>otherwise, when the tuple space is small, the (bucket, ids) tuple indexes a dense array;
 *       else it is packed into one long, looked up in a primitive open-addressing map, or, when it
 *       does not fit 62 bits, in an int-array table.</li>
 * </ul>
 * A multi-value row counts once in each group of the cross product of its values, as in Druid.
 */
public final class PieceGrouper {
    /** The most groups one piece may produce before the query is refused. */
    public static final int MAX_GROUPS = 5_000_000;

    private PieceGrouper() {
    }

    /**
     * Groups the rows of {@code piece} that lie in {@code ranges} and match {@code filter}.
     *
     * @param buckets the time buckets over {@code ranges.span()}
     */
    public static PieceGroups group(QueryableIndex piece, TimeRanges ranges, Buckets buckets,
            List<DimensionSpec> dimensions, List<AggregatorFactory> aggregations, DimFilter filter, RunningQuery running) {
        GroupingColumn[] columns = new GroupingColumn[dimensions.size()];
        for (int d = 0; d < columns.length; d++) {
            columns[d] = GroupingColumn.of(piece, dimensions.get(d));
        }
        GroupAggregator[] aggregators = new GroupAggregator[aggregations.size()];
        for (int a = 0; a < aggregators.length; a++) {
            aggregators[a] = aggregations.get(a).newGroupAggregator(piece);
        }
        Scope scope = new Scope(piece.time(), ranges, filter == null ? null : filter.makeMatcher(piece), buckets, aggregators);
        Keyer keyer;
        if (columns.length == 0) {
            keyer = new BucketKeyer(scope);
        } else if (columns.length == 1 && buckets.size() == 1) {
            keyer = new ArrayKeyer(scope, columns[0]);
        } else {
            keyer = new HashKeyer(scope, columns);
        }
        piece.scan((start, end) -> {
            running.check();
            keyer.visit(start, end);
            scope.flush();
        });
        return keyer.result(columns, aggregators);
    }

    /** Refuses a query whose groups, over all pieces, pass {@link #MAX_GROUPS}. */
    static void checkTotal(int groups) {
        Scope.checkGroupCount(groups);
    }

    private static int bitsFor(int values) {
        return values <= 1 ? 1 : 32 - Integer.numberOfLeadingZeros(values - 1);
    }

    /** What every keyer needs: which rows count, their bucket, and the aggregators. */
    private static final class Scope {
        final NumericColumn time;
        final TimeRanges ranges;
        final boolean checkTime;
        final RowMatcher matcher;
        final Buckets buckets;
        final boolean oneBucket;
        final GroupAggregator[] aggregators;
        private int capacity;

        Scope(NumericColumn time, TimeRanges ranges, RowMatcher matcher, Buckets buckets, GroupAggregator[] aggregators) {
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

        void ensureSlots(int slots) {
            if (slots > capacity) {
                capacity = Math.max(slots, Math.max(16, capacity * 2));
                for (GroupAggregator aggregator : aggregators) {
                    aggregator.ensureCapacity(capacity);
                }
            }
        }

        /** Rows of the current block waiting to be aggregated, and their slots. */
        private int[] pendingRows = new int[1024];
        private int[] pendingSlots = new int[1024];
        private int pending;

        /** Queues row {@code row} for slot {@code slot}; {@link #flush} aggregates the queue. */
        void aggregate(int slot, int row) {
            if (pending == pendingRows.length) {
                pendingRows = Arrays.copyOf(pendingRows, pending * 2);
                pendingSlots = Arrays.copyOf(pendingSlots, pending * 2);
            }
            pendingRows[pending] = row;
            pendingSlots[pending] = slot;
            pending++;
        }

        /**
         * Aggregates the queued rows one aggregator at a time: each aggregator's calls follow one
         * another, which its call site and the CPU predict far better than alternating aggregators.
         * Called at the end of every block, while the block's rows are still guarded.
         */
        void flush() {
            int n = pending;
            int[] rows = pendingRows;
            int[] slots = pendingSlots;
            for (GroupAggregator aggregator : aggregators) {
                for (int i = 0; i < n; i++) {
                    aggregator.aggregate(slots[i], rows[i]);
                }
            }
            pending = 0;
        }

        static void checkGroupCount(int groups) {
            if (groups > MAX_GROUPS) {
                throw new ResourceLimitExceededException("the query makes more than " + MAX_GROUPS
                        + " groups; add a filter, shorten the intervals or use a coarser granularity");
            }
        }
    }

    private abstract static class Keyer {
        final Scope scope;

        Keyer(Scope scope) {
            this.scope = scope;
        }

        abstract void visit(int start, int end);

        abstract PieceGroups result(GroupingColumn[] columns, GroupAggregator[] aggregators);
    }

    /** No dimensions: one group per bucket holding rows. */
    private static final class BucketKeyer extends Keyer {
        private final boolean[] seen;

        BucketKeyer(Scope scope) {
            super(scope);
            seen = new boolean[scope.buckets.size()];
            scope.ensureSlots(seen.length);
        }

        @Override
        void visit(int start, int end) {
            for (int row = start; row < end; row++) {
                int bucket = scope.bucketOf(row);
                if (bucket >= 0) {
                    seen[bucket] = true;
                    scope.aggregate(bucket, row);
                }
            }
        }

        @Override
        PieceGroups result(GroupingColumn[] columns, GroupAggregator[] aggregators) {
            int[] buckets = new int[seen.length];
            int size = 0;
            for (int b = 0; b < seen.length; b++) {
                if (seen[b]) {
                    buckets[size++] = b;
                }
            }
            return new PieceGroups(size, buckets, new int[0], Arrays.copyOf(buckets, size), columns, aggregators);
        }
    }

    /** One dimension in one bucket: the dictionary id is the slot. */
    private static final class ArrayKeyer extends Keyer {
        private final GroupingColumn column;
        private boolean[] seen = new boolean[0];
        private int[] order = new int[16];
        private int size;

        ArrayKeyer(Scope scope, GroupingColumn column) {
            super(scope);
            this.column = column;
        }

        @Override
        void visit(int start, int end) {
            boolean multi = column.multiValued();
            if (seen.length < column.idBound()) {
                grow(column.idBound());
            }
            for (int row = start; row < end; row++) {
                if (scope.bucketOf(row) < 0) {
                    continue;
                }
                if (!multi) {
                    add(column.id(row), row);
                    continue;
                }
                int count = column.valueCount(row);
                if (count <= 1) {
                    add(count == 0 ? 0 : column.id(row), row);
                } else {
                    for (int i = 0; i < count; i++) {
                        add(column.id(row, i), row);
                    }
                }
            }
        }

        private void add(int id, int row) {
            if (id >= seen.length) {
                grow(id + 1);
            }
            if (!seen[id]) {
                seen[id] = true;
                if (size == order.length) {
                    order = Arrays.copyOf(order, size * 2);
                }
                order[size++] = id;
                Scope.checkGroupCount(size);
            }
            scope.aggregate(id, row);
        }

        private void grow(int ids) {
            int capacity = Math.max(ids, seen.length * 2);
            seen = Arrays.copyOf(seen, capacity);
            scope.ensureSlots(capacity);
        }

        @Override
        PieceGroups result(GroupingColumn[] columns, GroupAggregator[] aggregators) {
            int[] ids = Arrays.copyOf(order, size);
            return new PieceGroups(size, new int[size], ids, ids, columns, aggregators);
        }
    }

    /**
     * Any number of dimensions and buckets: the (bucket, ids) tuple of a row is looked up in one of
     * three tables, the group number being the slot. When the tuple space is small (the product of
     * the bucket count and the dictionary sizes), a dense array indexed by the tuple; else the tuple
     * packed into a long in a primitive hash map; else an int-array hash table. A table that meets a
     * tuple it cannot hold (a dictionary that grew past its bound) hands its groups to the next one,
     * keeping their numbers.
     */
    private static final class HashKeyer extends Keyer {
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
        private int[] dense;
        private int[] limits;
        private int[] strides;
        private int[] bits;
        private LongIntMap packed;
        private IntArrayTable wide;

        HashKeyer(Scope scope, GroupingColumn[] columns) {
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
            int dims = columns.length;
            for (int row = start; row < end; row++) {
                int bucket = scope.bucketOf(row);
                if (bucket < 0) {
                    continue;
                }
                parts[0] = bucket;
                if (multi) {
                    explode(row, 0);
                    continue;
                }
                for (int d = 0; d < dims; d++) {
                    parts[d + 1] = columns[d].id(row);
                }
                scope.aggregate(group(), row);
            }
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
            Scope.checkGroupCount(groups);
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
    }
}
