package dev.tributary.core.query.filter;

/** A three-valued test of the values of a long column (the time column, long dimensions and metrics). */
@FunctionalInterface
public interface LongValuePredicate {
    /** Matches nothing; null rows are unknown. */
    LongValuePredicate NEVER = value -> Truth.FALSE;

    /** Matches null rows only. */
    LongValuePredicate NULL_ONLY = new LongValuePredicate() {
        @Override
        public Truth test(long value) {
            return Truth.FALSE;
        }

        @Override
        public Truth testNull() {
            return Truth.TRUE;
        }
    };

    Truth test(long value);

    /** The answer for a null row: unknown unless the filter is about nulls. */
    default Truth testNull() {
        return Truth.UNKNOWN;
    }
}
