package dev.tributary.core.index;

import dev.tributary.core.aggregation.Values;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.NumericColumn;
import java.util.Arrays;

/**
 * A long, float or double dimension of a live index: one long per row (a double's bits for float
 * and double) and a null flag. The rollup key part is the stored bits, with nulls apart.
 */
final class NumericDimensionIndexer implements DimensionIndexer, NumericColumn {
    /**
     * Key part of a null value: a NaN bit pattern no parsed float or double produces. Known limit: a
     * long dimension whose value is exactly this number (9221365071651847919) reads as null.
     */
    private static final long NULL_KEY = 0x7ff8dead0000beefL;

    private final ColumnType type;
    private long[] rows = new long[1024];
    private long[] nulls = new long[16];

    NumericDimensionIndexer(ColumnType type) {
        this.type = type;
    }

    @Override
    public long encode(Object input) {
        if (type == ColumnType.LONG) {
            Long value = Values.toLong(input);
            return value == null ? NULL_KEY : value;
        }
        Double value = Values.toDouble(input);
        if (value == null) {
            return NULL_KEY;
        }
        double stored = type == ColumnType.FLOAT ? (float) value.doubleValue() : value;
        return Double.doubleToLongBits(stored);
    }

    @Override
    public void append(int row, long key) {
        if (row == rows.length) {
            rows = Arrays.copyOf(rows, rows.length * 2);
        }
        if ((row >>> 6) >= nulls.length) {
            nulls = Arrays.copyOf(nulls, nulls.length * 2);
        }
        boolean isNull = key == NULL_KEY;
        rows[row] = isNull ? 0 : key;
        if (isNull) {
            nulls[row >>> 6] |= 1L << row;
        }
    }

    @Override
    public long keyAt(int row) {
        return isNull(row) ? NULL_KEY : rows[row];
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
    public long dictionaryBytes() {
        return 0;
    }

    @Override
    public ColumnType type() {
        return type;
    }

    @Override
    public boolean isNull(int row) {
        return (nulls[row >>> 6] & (1L << row)) != 0;
    }

    @Override
    public long getLong(int row) {
        return type == ColumnType.LONG ? rows[row] : (long) Double.longBitsToDouble(rows[row]);
    }

    @Override
    public double getDouble(int row) {
        return type == ColumnType.LONG ? rows[row] : Double.longBitsToDouble(rows[row]);
    }
}
