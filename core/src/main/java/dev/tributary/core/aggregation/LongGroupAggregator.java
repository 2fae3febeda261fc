package dev.tributary.core.aggregation;

import dev.tributary.core.column.NumericColumn;
import java.util.Arrays;

/** Folds a numeric column as longs into slots (sum, min or max); null inputs are skipped. */
final class LongGroupAggregator implements GroupAggregator {
    /** How values fold together; an enum so that batch loops are specialized per kind. */
    enum Fold {
        SUM, MIN, MAX;

        long apply(long a, long b) {
            return switch (this) {
                case SUM -> a + b;
                case MIN -> Math.min(a, b);
                case MAX -> Math.max(a, b);
            };
        }
    }

    private static final int BATCH = 8192;

    private final NumericColumn input;
    private final Fold fold;
    private final ValueBits present = new ValueBits();
    private long[] values = new long[0];
    private long[] batch;

    LongGroupAggregator(NumericColumn input, Fold fold) {
        this.input = input;
        this.fold = fold;
    }

    @Override
    public void ensureCapacity(int slots) {
        if (slots > values.length) {
            values = Arrays.copyOf(values, Math.max(slots, values.length * 2));
            present.ensureCapacity(values.length);
        }
    }

    @Override
    public void aggregate(int slot, int row) {
        if (!input.isNull(row)) {
            long value = input.getLong(row);
            if (present.get(slot)) {
                values[slot] = fold.apply(values[slot], value);
            } else {
                values[slot] = value;
                present.set(slot);
            }
        }
    }

    /** A column without nulls folds the whole range at once, straight from its stored form where it can. */
    @Override
    public void aggregateRange(int slot, int start, int end) {
        if (start >= end) {
            return;
        }
        if (input.hasNulls()) {
            GroupAggregator.super.aggregateRange(slot, start, end);
            return;
        }
        long folded = input.foldLongs(start, end, switch (fold) {
            case SUM -> NumericColumn.LongFold.SUM;
            case MIN -> NumericColumn.LongFold.MIN;
            case MAX -> NumericColumn.LongFold.MAX;
        });
        if (present.get(slot)) {
            values[slot] = fold.apply(values[slot], folded);
        } else {
            values[slot] = folded;
            present.set(slot);
        }
    }

    /** A column without nulls is read a block at a time; each value folds into its row's slot. */
    @Override
    public void aggregateBatch(int[] slots, int start, int end) {
        if (input.hasNulls()) {
            GroupAggregator.super.aggregateBatch(slots, start, end);
            return;
        }
        if (batch == null) {
            batch = new long[BATCH];
        }
        long[] in = batch;
        for (int from = start; from < end; from += BATCH) {
            int n = Math.min(BATCH, end - from);
            input.getLongs(from, from + n, in);
            int offset = from - start;
            for (int i = 0; i < n; i++) {
                int slot = slots[offset + i];
                if (slot >= 0) {
                    if (present.get(slot)) {
                        values[slot] = fold.apply(values[slot], in[i]);
                    } else {
                        values[slot] = in[i];
                        present.set(slot);
                    }
                }
            }
        }
    }

    @Override
    public Object get(int slot) {
        return present.get(slot) ? values[slot] : null;
    }
}
