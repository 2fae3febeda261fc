package dev.tributary.core.aggregation;

import dev.tributary.core.column.Column;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.input.InputRow;
import java.util.Arrays;
import java.util.function.LongBinaryOperator;

/**
 * A live index's storage for a long metric: one long per row plus a "has a value" bit, folded with
 * {@code fold} (sum, min, max, ...). {@code count} counts events instead of reading a field, and its
 * rows start at 0 rather than null: a count is never null.
 */
final class LongMetricColumn implements MetricColumn, NumericColumn {
    private final String field;
    private final LongBinaryOperator fold;
    private final ValueBits present = new ValueBits();
    private long[] values = new long[1024];
    private int rows;

    /**
     * @param field the input field, or null to fold the constant 1 (count)
     */
    LongMetricColumn(String field, LongBinaryOperator fold) {
        this.field = field;
        this.fold = fold;
    }

    @Override
    public void aggregate(int row, InputRow event) {
        ensureRow(row);
        Long value = field == null ? Long.valueOf(1L) : Values.toLong(event.get(field));
        if (value != null) {
            values[row] = present.get(row) ? fold.applyAsLong(values[row], value) : value;
            present.set(row);
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
        if (field == null) {
            present.set(row); // a count starts at 0
        }
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
        return ColumnType.LONG;
    }

    @Override
    public boolean isNull(int row) {
        return !present.get(row);
    }

    @Override
    public long getLong(int row) {
        return values[row];
    }

    @Override
    public double getDouble(int row) {
        return values[row];
    }
}
