package dev.tributary.core.aggregation;

import dev.tributary.core.column.NumericColumn;
import java.util.Arrays;

/**
 * Folds a numeric column as doubles into slots (sum, min, max, ...); null inputs are skipped. With
 * {@code asFloat} it works in float precision and returns Floats, as Druid's float aggregators do:
 * each input is read as a float and each partial result rounded to one.
 */
final class DoubleGroupAggregator implements GroupAggregator {
    /** How values fold together; an enum so that batch loops are specialized per kind. */
    enum Fold {
        SUM, MIN, MAX;

        double apply(double a, double b) {
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
    private final boolean asFloat;
    private final ValueBits present = new ValueBits();
    private double[] values = new double[0];

    private double[] batch;

    DoubleGroupAggregator(NumericColumn input, Fold fold, boolean asFloat) {
        this.input = input;
        this.fold = fold;
        this.asFloat = asFloat;
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
        if (input.isNull(row)) {
            return;
        }
        double value = asFloat ? (float) input.getDouble(row) : input.getDouble(row);
        if (present.get(slot)) {
            value = fold.apply(values[slot], value);
            values[slot] = asFloat ? (float) value : value;
        } else {
            values[slot] = value;
            present.set(slot);
        }
    }

    /**
     * A column without nulls is read a block at a time and folded in row order (so a sum is the same
     * double as row by row) in a loop per kind.
     */
    @Override
    public void aggregateRange(int slot, int start, int end) {
        if (start >= end) {
            return;
        }
        if (input.hasNulls() || asFloat) {
            GroupAggregator.super.aggregateRange(slot, start, end);
            return;
        }
        if (fold == Fold.SUM) {
            // one by one in row order, inside the column: the same double as row by row
            if (present.get(slot)) {
                values[slot] = input.sumDoubles(start, end, values[slot]);
            } else {
                values[slot] = input.sumDoubles(start + 1, end, input.getDouble(start));
                present.set(slot);
            }
            return;
        }
        if (batch == null) {
            batch = new double[BATCH];
        }
        double[] in = batch;
        double acc = present.get(slot) ? values[slot] : input.getDouble(start);
        if (!present.get(slot)) {
            start++; // the first value seeds the fold
            present.set(slot);
        }
        for (int from = start; from < end; from += BATCH) {
            int n = Math.min(BATCH, end - from);
            input.getDoubles(from, from + n, in);
            switch (fold) {
                case SUM -> {
                    for (int i = 0; i < n; i++) {
                        acc += in[i];
                    }
                }
                case MIN -> {
                    for (int i = 0; i < n; i++) {
                        acc = Math.min(acc, in[i]);
                    }
                }
                case MAX -> {
                    for (int i = 0; i < n; i++) {
                        acc = Math.max(acc, in[i]);
                    }
                }
            }
        }
        values[slot] = acc;
    }

    /** A column without nulls is read a block at a time; each value folds into its row's slot. */
    @Override
    public void aggregateBatch(int[] slots, int start, int end) {
        if (input.hasNulls() || asFloat) {
            GroupAggregator.super.aggregateBatch(slots, start, end);
            return;
        }
        if (batch == null) {
            batch = new double[BATCH];
        }
        double[] in = batch;
        for (int from = start; from < end; from += BATCH) {
            int n = Math.min(BATCH, end - from);
            input.getDoubles(from, from + n, in);
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
        if (!present.get(slot)) {
            return null;
        }
        if (asFloat) {
            return (float) values[slot]; // not a ?: expression, which would widen the Float to a Double
        }
        return values[slot];
    }
}
