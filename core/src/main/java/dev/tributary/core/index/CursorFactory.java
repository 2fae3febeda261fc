package dev.tributary.core.index;

import dev.tributary.core.time.Interval;

/**
 * A queryable piece of a dataSource: a live in-memory index now, persisted and merged segments
 * later. Safe to call from any number of query threads.
 */
public interface CursorFactory {
    String dataSource();

    /** From the earliest row time to just after the latest; null when there are no rows. */
    Interval dataInterval();

    /** A cursor over the rows whose time lies in {@code interval}. */
    Cursor cursor(Interval interval);
}
