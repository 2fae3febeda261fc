package dev.tributary.core.column;

import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * A string column with a bitmap index, as a segment's columns have: for each dictionary id, the rows
 * that hold it. Rows without any value (an empty list) count as holding null. Thread-safe.
 */
public interface BitmapIndexedColumn extends StringColumn {
    /** The rows that hold dictionary id {@code id}; immutable. */
    ImmutableRoaringBitmap rowsWith(int id);
}
