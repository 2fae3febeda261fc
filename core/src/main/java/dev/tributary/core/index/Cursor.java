package dev.tributary.core.index;

import dev.tributary.core.aggregation.ColumnSelectorFactory;

/**
 * Walks the rows of one queryable piece inside a time range. Used by one query thread; must be
 * closed, since a cursor over a live index holds the index's read lock while open.
 */
public interface Cursor extends AutoCloseable {
    /** Moves to the next row; false when there is none. Call before reading the first row. */
    boolean advance();

    /** The current row's time (already truncated to the index's queryGranularity). */
    long time();

    /** Selectors over the current row's columns; they follow the cursor as it advances. */
    ColumnSelectorFactory columns();

    @Override
    void close();
}
