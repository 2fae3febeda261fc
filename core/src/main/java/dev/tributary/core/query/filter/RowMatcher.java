package dev.tributary.core.query.filter;

/**
 * Decides, row by row, whether a filter matches. Three-valued, as in SQL: a row can match, not
 * match, or be unknown (a comparison with null); only {@link #matches} rows are kept.
 *
 * <p>A matcher is made for one scan of one index and used by that scan's thread only; it may cache
 * per-dictionary-id answers, so it is not thread-safe. Call it only inside the scan.
 */
public interface RowMatcher {
    /** The filter is true for the row. */
    boolean matches(int row);

    /**
     * The filter is true or unknown for the row: what {@code not} needs, since NOT(unknown) is
     * unknown and must not match. {@code not(f)} matches a row when {@code !f.matchesOrUnknown(row)}.
     */
    boolean matchesOrUnknown(int row);

    /** True for every row. */
    RowMatcher ALL = constant(Truth.TRUE);

    /** False for every row: {@code not} of it is true for every row. */
    RowMatcher NONE = constant(Truth.FALSE);

    /** The same answer for every row. */
    static RowMatcher constant(Truth truth) {
        boolean matches = truth == Truth.TRUE;
        boolean matchesOrUnknown = truth != Truth.FALSE;
        return new RowMatcher() {
            @Override
            public boolean matches(int row) {
                return matches;
            }

            @Override
            public boolean matchesOrUnknown(int row) {
                return matchesOrUnknown;
            }
        };
    }
}
