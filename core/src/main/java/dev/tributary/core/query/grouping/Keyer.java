package dev.tributary.core.query.grouping;

import dev.tributary.core.aggregation.GroupAggregator;

/** Finds the aggregator slot of each row of a piece's blocks and aggregates it there. One query thread. */
abstract class Keyer {
    final RowScope scope;

    Keyer(RowScope scope) {
        this.scope = scope;
    }

    /** Per block: each row's bucket, then its slot (negative: skipped). */
    int[] slots = new int[0];

    abstract void visit(int start, int end);

    /** Makes {@link #slots} hold at least {@code n} entries. */
    final int[] slots(int n) {
        if (slots.length < n) {
            slots = new int[n];
        }
        return slots;
    }

    abstract PieceGroups result(GroupingColumn[] columns, GroupAggregator[] aggregators);
}
