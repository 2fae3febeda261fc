package dev.tributary.core.index;

import dev.tributary.core.column.Column;

/**
 * One dimension of a live index: turns an event's value into the row's stored value and a rollup
 * key part, and exposes the stored values as a column. Written only by the ingestion thread under
 * the index's write lock; read by queries under its read lock (its dictionary at any time).
 */
interface DimensionIndexer {
    /**
     * Encodes an input value into the key part for rollup, adding dictionary entries as needed.
     * Equal values give equal key parts.
     */
    long encode(Object input);

    /** Stores a key part produced by {@link #encode} as the value of the next row, {@code row}. */
    void append(int row, long key);

    /** The key part stored for {@code row}. */
    long keyAt(int row);

    /** This dimension as a readable column. */
    Column asColumn();

    /** Heap bytes held per row. */
    int bytesPerRow();

    /** Heap bytes held by the dictionary, if any. */
    long dictionaryBytes();
}
