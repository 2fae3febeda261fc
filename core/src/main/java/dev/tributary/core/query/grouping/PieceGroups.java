package dev.tributary.core.query.grouping;

import dev.tributary.core.aggregation.GroupAggregator;

/**
 * The groups one piece's rows fell into: for each group, its time bucket number, its dimension values
 * and its aggregator intermediates. Read after the piece's scan, by the thread that grouped it.
 */
public final class PieceGroups {
    private final int size;
    private final int[] buckets;
    private final int[] ids;
    private final int[] slots;
    private final GroupingColumn[] columns;
    private final GroupAggregator[] aggregators;

    PieceGroups(int size, int[] buckets, int[] ids, int[] slots, GroupingColumn[] columns, GroupAggregator[] aggregators) {
        this.size = size;
        this.buckets = buckets;
        this.ids = ids;
        this.slots = slots;
        this.columns = columns;
        this.aggregators = aggregators;
    }

    public int size() {
        return size;
    }

    /** How many dimensions each group has. */
    public int dimensions() {
        return columns.length;
    }

    /** The time bucket number of group {@code group}. */
    public int bucket(int group) {
        return buckets[group];
    }

    /** The id of group {@code group}'s value of dimension {@code dimension}; equal ids, equal values. */
    public int id(int group, int dimension) {
        return ids[group * columns.length + dimension];
    }

    /** The output value of id {@code id} of dimension {@code dimension}. */
    public Object valueOf(int dimension, int id) {
        return columns[dimension].value(id);
    }

    /** The output value of dimension {@code dimension} in group {@code group}. */
    public Object value(int group, int dimension) {
        return columns[dimension].value(ids[group * columns.length + dimension]);
    }

    /** The intermediate value of aggregator {@code aggregator} in group {@code group}, or null. */
    public Object intermediate(int group, int aggregator) {
        return aggregators[aggregator].get(slots == null ? group : slots[group]);
    }

    /** Whether two groups of this piece never share their dimension values (so need no merging). */
    public boolean distinctValues() {
        for (GroupingColumn column : columns) {
            if (!column.injective()) {
                return false;
            }
        }
        return true;
    }
}
