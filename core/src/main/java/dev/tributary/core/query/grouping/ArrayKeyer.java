package dev.tributary.core.query.grouping;

import dev.tributary.core.aggregation.GroupAggregator;
import java.util.Arrays;

/** One dimension in one bucket: the dictionary id is the slot. */
final class ArrayKeyer extends Keyer {
    private final GroupingColumn column;
    private boolean[] seen = new boolean[0];
    private int[] order = new int[16];
    private int size;

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
            RowScope.checkGroupCount(size);
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
