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
 *   <li>otherwise the bucket and the ids are packed into one long, looked up in a primitive
 *       open-addressing map, or, when they do not fit 62 bits, into an int-array table.</li>
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

        void aggregate(int slot, int row) {
            for (GroupAggregator aggregator : aggregators) {
                aggregator.aggregate(slot, row);
            }
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

    /** Any number of dimensions and buckets: (bucket, ids) keys in a hash table; the group number is the slot. */
    private static final class HashKeyer extends Keyer {
        private final GroupingColumn[] columns;
        /** parts[0] is the bucket, parts[1 + d] the id of dimension d. */
        private final int[] parts;
        private int[] bits;
        private LongIntMap packed;
        private IntArrayTable wide;
        private boolean started;
        private int groups;

        HashKeyer(Scope scope, GroupingColumn[] columns) {
            super(scope);
            this.columns = columns;
            this.parts = new int[columns.length + 1];
        }

        /** Chooses packed or wide keys once the dictionaries are known (the first block). */
        private void start() {
            started = true;
            bits = new int[parts.length];
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
                packed = new LongIntMap(1024);
            } else {
                wide = new IntArrayTable(parts.length, 1024);
            }
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
                add(row);
            }
        }

        /** Adds the row once per combination of the values of its multi-value dimensions. */
        private void explode(int row, int d) {
            if (d == columns.length) {
                add(row);
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

        private void add(int row) {
            int group;
            if (packed != null) {
                long key = parts[0];
                for (int p = 1; p < parts.length; p++) {
                    int part = parts[p];
                    if (part >>> bits[p] != 0) {
                        widen();
                        add(row);
                        return;
                    }
                    key = (key << bits[p]) | part;
                }
                group = packed.getOrAddNext(key);
            } else {
                group = wide.getOrAdd(parts);
            }
            if (group == groups) {
                groups++;
                Scope.checkGroupCount(groups);
                scope.ensureSlots(groups);
            }
            scope.aggregate(group, row);
        }

        /** Moves the packed keys into an int-array table, keeping every group's number. */
        private void widen() {
            long[] keys = packed.keysByValue();
            wide = new IntArrayTable(parts.length, Math.max(1024, keys.length * 2));
            int[] unpacked = new int[parts.length];
            for (long key : keys) {
                unpack(key, unpacked);
                wide.getOrAdd(unpacked);
            }
            packed = null;
        }

        private void unpack(long key, int[] into) {
            for (int p = into.length - 1; p >= 1; p--) {
                into[p] = (int) (key & ((1L << bits[p]) - 1));
                key >>>= bits[p];
            }
            into[0] = (int) key;
        }

        @Override
        PieceGroups result(GroupingColumn[] columns, GroupAggregator[] aggregators) {
            int dims = columns.length;
            int[] buckets = new int[groups];
            int[] ids = new int[groups * dims];
            if (packed != null) {
                long[] keys = packed.keysByValue();
                int[] unpacked = new int[parts.length];
                for (int g = 0; g < groups; g++) {
                    unpack(keys[g], unpacked);
                    buckets[g] = unpacked[0];
                    System.arraycopy(unpacked, 1, ids, g * dims, dims);
                }
            } else if (wide != null) {
                for (int g = 0; g < groups; g++) {
                    buckets[g] = wide.part(g, 0);
                    for (int d = 0; d < dims; d++) {
                        ids[g * dims + d] = wide.part(g, d + 1);
                    }
                }
            }
            return new PieceGroups(groups, buckets, ids, null, columns, aggregators);
        }
    }
}
