package dev.tributary.core.aggregation;

import dev.tributary.core.column.ComplexColumn;

/**
 * A column of (time, value) pairs, as first/last metrics store them, readable without boxing: the
 * query-time first/last aggregators fold these by the pair's time rather than by {@code __time}.
 * Numeric reads convert between numeric kinds (a double pair read as a long is truncated).
 */
interface TimedValueColumn extends ComplexColumn {
    /** The kind of values held: {@link #getString} serves STRING, {@link #getLong}/{@link #getDouble} the others. */
    FirstLastAggregatorFactory.Kind kind();

    /** Whether the row holds a pair at all (a string metric whose events were all null holds none). */
    boolean hasPair(int row);

    long time(int row);

    boolean isValueNull(int row);

    long getLong(int row);

    double getDouble(int row);

    String getString(int row);
}
