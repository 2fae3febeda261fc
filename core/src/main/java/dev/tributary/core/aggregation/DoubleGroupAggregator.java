package dev.tributary.core.aggregation;

import dev.tributary.core.column.NumericColumn;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * Folds a numeric column as doubles into slots (sum, min, max, ...); null inputs are skipped. With
 * {@code asFloat} the results are Floats, as Druid's float aggregators return.
 */
final class DoubleGroupAggregator implements GroupAggregator {
    private final NumericColumn input;
    private final DoubleBinaryOperator fold;
    private final boolean asFloat;
    private final ValueBits present = new ValueBits();
    private double[] values = new double[0];

    DoubleGroupAggregator(NumericColumn input, DoubleBinaryOperator fold, boolean asFloat) {
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
        if (!input.isNull(row)) {
            double value = input.getDouble(row);
            if (present.get(slot)) {
                values[slot] = fold.applyAsDouble(values[slot], value);
            } else {
                values[slot] = value;
                present.set(slot);
            }
        }
    }

    @Override
    public Object get(int slot) {
        if (!present.get(slot)) {
            return null;
        }
        return asFloat ? Float.valueOf((float) values[slot]) : Double.valueOf(values[slot]);
    }
}
