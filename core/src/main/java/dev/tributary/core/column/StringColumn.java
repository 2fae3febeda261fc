package dev.tributary.core.column;

/**
 * A dictionary-encoded string dimension. Every value a row holds is an id into the dictionary;
 * {@link #lookupName} turns it back into text. Id {@link #NULL_ID} always stands for null.
 *
 * <p>The dictionary of a live index is in insertion order and grows while it is read; the dictionary
 * of a persisted segment is sorted. Callers that need order compare {@link #lookupName} results.
 */
public non-sealed interface StringColumn extends Column {
    /** The id of the null value, present in every dictionary. */
    int NULL_ID = 0;

    @Override
    default ColumnType type() {
        return ColumnType.STRING;
    }

    /** Dictionary size, null included. Ids are {@code 0 .. cardinality() - 1}. */
    int cardinality();

    /** The text of an id; null for {@link #NULL_ID}. */
    String lookupName(int id);

    /** The id of a value, or -1 if the dictionary does not hold it. {@code lookupId(null) == NULL_ID}. */
    int lookupId(String value);

    /** Whether any row holds more than one value. */
    boolean hasMultipleValues();

    /** The id of a single-valued row; for a multi-valued row, its first id (or NULL_ID if it has none). */
    int getId(int row);

    /** How many values the row holds: 1 for a single-valued row (null counts as one value), 0 for an empty list. */
    int valueCount(int row);

    /** The {@code index}-th id of the row, {@code 0 <= index < valueCount(row)}. */
    int getId(int row, int index);

    /** {@link #getId(int)} of rows {@code [start, end)} into {@code out[0, end - start)}. */
    default void getIds(int start, int end, int[] out) {
        for (int row = start; row < end; row++) {
            out[row - start] = getId(row);
        }
    }
}
