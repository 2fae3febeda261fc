package dev.tributary.core.aggregation;

/** Hands out selectors over the columns of the rows an aggregator will see. */
@FunctionalInterface
public interface ColumnSelectorFactory {
    /** A selector for {@code column}; {@link ColumnValueSelector#NIL} if there is no such column. */
    ColumnValueSelector makeSelector(String column);
}
