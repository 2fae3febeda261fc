package dev.tributary.core.column;

/** A long, float or double column: the time column, numeric dimensions, numeric metrics. */
public non-sealed interface NumericColumn extends Column {
    /** True when the row holds no value (SQL NULL). */
    boolean isNull(int row);

    /** The row's value as a long; 0 when null. */
    long getLong(int row);

    /** The row's value as a double; 0.0 when null. */
    double getDouble(int row);

    /** False when {@link #isNull} is false for every row, so that readers may skip asking. */
    default boolean hasNulls() {
        return true;
    }

    /** Rows {@code [start, end)} as longs (0 for nulls) into {@code out[0, end - start)}. */
    default void getLongs(int start, int end, long[] out) {
        for (int row = start; row < end; row++) {
            out[row - start] = getLong(row);
        }
    }

    /** Rows {@code [start, end)} as doubles (0.0 for nulls) into {@code out[0, end - start)}. */
    default void getDoubles(int start, int end, double[] out) {
        for (int row = start; row < end; row++) {
            out[row - start] = getDouble(row);
        }
    }

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
