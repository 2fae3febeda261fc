package dev.tributary.core.query.filter;

/**
 * The answer of a filter for one value or row under SQL three-valued logic: a comparison with null is
 * {@link #UNKNOWN}, which a query does not keep and which {@code not} leaves unknown.
 */
public enum Truth {
    TRUE, FALSE, UNKNOWN;

    public static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** {@link #TRUE} if any answer is, else {@link #UNKNOWN} if any answer is, else {@link #FALSE}: SQL OR. */
    public Truth or(Truth other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : FALSE;
    }
}
