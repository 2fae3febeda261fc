package dev.tributary.core.aggregation;

import dev.tributary.core.column.Column;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.input.InputRow;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * A live index's storage for a double (or float) metric: one double per row plus a "has a value"
 * bit, folded with {@code fold}. A float metric rounds every stored value to float precision.
 */
final class DoubleMetricColumn implements MetricColumn, NumericColumn {
    private final String field;
    private final DoubleBinaryOperator fold;
    private final ColumnType type;
    private final ValueBits present = new ValueBits();
    private double[] values = new double[1024];
    private int rows;

    DoubleMetricColumn(String field, DoubleBinaryOperator fold, ColumnType type) {
        this.field = field;
        this.fold = fold;
        this.type = type;
    }

    @Override
    public void aggregate(int row, InputRow event) {
        Double value = Values.toDouble(event.get(field));
        if (row == rows) {
            if (row == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            present.ensureCapacity(row + 1);
            rows++;
            if (value != null) {
                values[row] = round(value);
                present.set(row);
            }
        } else if (value != null) {
            values[row] = round(present.get(row) ? fold.applyAsDouble(values[row], value) : value);
            present.set(row);
        }
    }

    private double round(double value) {
        return type == ColumnType.FLOAT ? (float) value : value;
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
