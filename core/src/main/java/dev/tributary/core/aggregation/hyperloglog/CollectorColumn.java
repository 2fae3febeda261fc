package dev.tributary.core.aggregation.hyperloglog;

import dev.tributary.core.column.ComplexColumn;

/**
 * A column of HyperLogLog collectors that can fold a row into a query's collector without building
 * the row's own collector first. Same threading as any {@link ComplexColumn}.
 */
public interface CollectorColumn extends ComplexColumn {
    /** Folds row {@code row}'s collector, if it has one, into {@code target}. */
    void foldInto(int row, HyperLogLogCollector target);
}
