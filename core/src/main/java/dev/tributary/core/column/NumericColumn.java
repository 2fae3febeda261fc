package dev.tributary.core.column;

/** A long, float or double column: the time column, numeric dimensions, numeric metrics. */
public non-sealed interface NumericColumn extends Column {
    /** True when the row holds no value (SQL NULL). */
    boolean isNull(int row);

    /** The row's value as a long; 0 when null. */
    long getLong(int row);

    /** The row's value as a double; 0.0 when null. */
    double getDouble(int row);

    /** The row's value boxed as the column's type (Long, Float or Double), or null. */
    default Object getObject(int row) {
        if (isNull(row)) {
            return null;
        }
        return switch (type()) {
            case LONG -> getLong(row);
            case FLOAT -> (float) getDouble(row);
            default -> getDouble(row);
        };
    }
}
