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

    /** What {@link #foldLongs} computes. */
    enum LongFold { SUM, MIN, MAX }

    /**
     * The sum, minimum or maximum of rows {@code [start, end)} read as longs (nulls read as 0; a
     * caller that cares about nulls checks {@link #hasNulls} first); {@code start < end}. A column may
     * compute it straight from its stored form.
     */
    default long foldLongs(int start, int end, LongFold fold) {
        long acc = getLong(start);
        for (int row = start + 1; row < end; row++) {
            long v = getLong(row);
            acc = switch (fold) {
                case SUM -> acc + v;
                case MIN -> Math.min(acc, v);
                case MAX -> Math.max(acc, v);
            };
        }
        return acc;
    }

    /**
     * {@code acc} plus rows {@code [start, end)} read as doubles, added one by one in row order, so
     * the result is the same double a row-by-row sum gives (nulls read as 0.0).
     */
    default double sumDoubles(int start, int end, double acc) {
        for (int row = start; row < end; row++) {
            acc += getDouble(row);
        }
        return acc;
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
