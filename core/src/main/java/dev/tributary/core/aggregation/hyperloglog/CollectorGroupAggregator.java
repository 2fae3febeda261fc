package dev.tributary.core.aggregation.hyperloglog;

import dev.tributary.core.aggregation.GroupAggregator;
import java.util.Arrays;

/** Query-time HyperLogLog: one collector per slot, created when the slot first sees a row. */
abstract class CollectorGroupAggregator implements GroupAggregator {
    private HyperLogLogCollector[] slots = new HyperLogLogCollector[0];

    @Override
    public void ensureCapacity(int count) {
        if (count > slots.length) {
            slots = Arrays.copyOf(slots, Math.max(count, slots.length * 2));
        }
    }

    @Override
    public void aggregate(int slot, int row) {
        HyperLogLogCollector collector = slots[slot];
        if (collector == null) {
            collector = new HyperLogLogCollector();
            slots[slot] = collector;
        }
        aggregate(collector, row);
    }

    /** Folds row {@code row} into {@code collector}. */
    abstract void aggregate(HyperLogLogCollector collector, int row);

    @Override
    public Object get(int slot) {
        return slots[slot];
    }
}
