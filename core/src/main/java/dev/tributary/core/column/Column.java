package dev.tributary.core.column;

/**
 * One column of a queryable index, read by row number. Implementations are {@link NumericColumn},
 * {@link StringColumn} and {@link ComplexColumn}.
 *
 * <p>Threading: a column of a live index may be read by query threads while the ingestion thread
 * writes; readers must read only inside {@link dev.tributary.core.index.QueryableIndex#scan}, which
 * holds whatever guard makes the rows stable. Columns of immutable segments need no guard.
 */
public sealed interface Column permits NumericColumn, StringColumn, ComplexColumn {
    ColumnType type();
}
