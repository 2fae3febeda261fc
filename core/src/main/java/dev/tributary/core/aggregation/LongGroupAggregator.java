package dev.tributary.core.aggregation;

import dev.tributary.core.column.NumericColumn;
import java.util.Arrays;
import java.util.function.LongBinaryOperator;

/** Folds a numeric column as longs into slots (sum, min, max, ...); null inputs are skipped. */
final class LongGroupAggregator implements GroupAggregator {
    private final NumericColumn input;
    private final LongBinaryOperator fold;
    private final ValueBits present = new ValueBits();
    private long[] values = new long[0];

    LongGroupAggregator(NumericColumn input, LongBinaryOperator fold) {
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
                values[slot] = fold.applyAsLong(values[slot], value);
            } else {
                values[slot] = value;
                present.set(slot);
            }
        }
    }

    @Override
    public Object get(int slot) {
        return present.get(slot) ? values[slot] : null;
    }
}
