package dev.tributary.core.query.grouping;

import dev.tributary.core.aggregation.GroupAggregator;

/** Finds the aggregator slot of each row of a piece's blocks and aggregates it there. One query thread. */
abstract class Keyer {
    final RowScope scope;

    Keyer(RowScope scope) {
        this.scope = scope;
    }

    abstract void visit(int start, int end);

    abstract PieceGroups result(GroupingColumn[] columns, GroupAggregator[] aggregators);
}
