package dev.tributary.core.aggregation;

import dev.tributary.core.column.NumericColumn;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * Folds a numeric column as doubles into slots (sum, min, max, ...); null inputs are skipped. With
 * {@code asFloat} it works in float precision and returns Floats, as Druid's float aggregators do:
 * each input is read as a float and each partial result rounded to one.
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
        if (input.isNull(row)) {
            return;
        }
        double value = asFloat ? (float) input.getDouble(row) : input.getDouble(row);
        if (present.get(slot)) {
            value = fold.applyAsDouble(values[slot], value);
            values[slot] = asFloat ? (float) value : value;
        } else {
            values[slot] = value;
            present.set(slot);
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
