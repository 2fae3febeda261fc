package dev.tributary.core.query.grouping;

import dev.tributary.core.aggregation.GroupAggregator;
import java.util.Arrays;

/** One dimension in one bucket: the dictionary id is the slot. */
final class ArrayKeyer extends Keyer {
    private final GroupingColumn column;
    private boolean[] seen = new boolean[0];
    private int[] order = new int[16];
    private int size;
    private int[] ids = new int[0];

    ArrayKeyer(RowScope scope, GroupingColumn column) {
        super(scope);
        this.column = column;
    }

    @Override
    void visit(int start, int end) {
        boolean multi = column.multiValued();
        if (seen.length < column.idBound()) {
            grow(column.idBound());
        }
        if (!multi) {
            visitSingleValued(start, end);
            return;
        }
        for (int row = start; row < end; row++) {
            if (scope.bucketOf(row) < 0) {
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

    /** A block at a time: buckets, then ids, then every aggregator over the block. */
    private void visitSingleValued(int start, int end) {
        int n = end - start;
        int[] keys = slots(n);
        if (ids.length < n) {
            ids = new int[n];
        }
        scope.bucketsOf(start, end, keys);
        column.ids(start, end, ids);
        for (int i = 0; i < n; i++) {
            if (keys[i] >= 0) {
                keys[i] = note(ids[i]);
            }
        }
        scope.aggregateBatch(keys, start, end);
    }

    private void add(int id, int row) {
        scope.aggregate(note(id), row);
    }

    /** Records that group {@code id} has rows; returns it. */
    private int note(int id) {
        if (id >= seen.length) {
            grow(id + 1);
        }
        if (!seen[id]) {
            seen[id] = true;
            if (size == order.length) {
                order = Arrays.copyOf(order, size * 2);
            }
            order[size++] = id;
            RowScope.checkGroupCount(size);
        }
        return id;
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
