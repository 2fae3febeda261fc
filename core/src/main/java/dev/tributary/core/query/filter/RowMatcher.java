package dev.tributary.core.query.filter;

/**
 * Decides, row by row, whether a filter matches. Three-valued, as in SQL: a row can match, not
 * match, or be unknown (a comparison with null); only {@link #matches} rows are kept.
 */
public interface RowMatcher {
    /** The filter is true for the row. */
    boolean matches(int row);

    /**
     * The filter is true or unknown for the row: what {@code not} needs, since NOT(unknown) is
     * unknown and must not match. {@code not(f)} matches a row when {@code !f.matchesOrUnknown(row)}.
     */
    boolean matchesOrUnknown(int row);

    RowMatcher ALL = new RowMatcher() {
        @Override
        public boolean matches(int row) {
            return true;
        }

        @Override
        public boolean matchesOrUnknown(int row) {
            return true;
        }
    };
}
