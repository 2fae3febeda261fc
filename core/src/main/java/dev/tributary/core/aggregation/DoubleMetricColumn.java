package dev.tributary.core.aggregation;

import dev.tributary.core.column.Column;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.input.InputRow;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * A live index's storage for a double (or float) metric: one double per row plus a "has a value"
 * bit, folded with {@code fold}. A float metric works in float precision, as Druid's does: every
 * input is rounded to a float before folding and every result after.
 */
final class DoubleMetricColumn implements MetricColumn, NumericColumn {
    private final String field;
    private final DoubleBinaryOperator fold;
    private final ColumnType type;
    private final boolean asFloat;
    private final ValueBits present = new ValueBits();
    private double[] values = new double[1024];
    private int rows;

    DoubleMetricColumn(String field, DoubleBinaryOperator fold, ColumnType type) {
        this.field = field;
        this.fold = fold;
        this.type = type;
        this.asFloat = type == ColumnType.FLOAT;
    }

    @Override
    public void aggregate(int row, InputRow event) {
        ensureRow(row);
        Double input = Values.toDouble(event.get(field));
        if (input != null) {
            double value = asFloat ? (float) input.doubleValue() : input;
            if (present.get(row)) {
                value = fold.applyAsDouble(values[row], value);
                values[row] = asFloat ? (float) value : value;
            } else {
                values[row] = value;
                present.set(row);
            }
        }
    }

    @Override
    public void ensureRow(int row) {
        if (row < rows) {
            return;
        }
        if (row == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        present.ensureCapacity(row + 1);
        rows = row + 1;
    }

    @Override
    public Column asColumn() {
        return this;
    }

    @Override
    public int bytesPerRow() {
        return 8;
    }

    @Override
    public ColumnType type() {
        return type;
    }

    @Override
    public boolean isNull(int row) {
        return !present.get(row);
    }

    @Override
    public long getLong(int row) {
        return (long) values[row];
    }

    @Override
    public double getDouble(int row) {
        return values[row];
    }
}
