package dev.tributary.core.query.filter;

/**
 * A three-valued test of the values of a double column, or of a float column whose values arrive
 * widened to double (a float predicate compares them as floats where Druid does).
 */
@FunctionalInterface
public interface DoubleValuePredicate {
    /** Matches nothing; null rows are unknown. */
    DoubleValuePredicate NEVER = value -> Truth.FALSE;

    /** Matches null rows only. */
    DoubleValuePredicate NULL_ONLY = new DoubleValuePredicate() {
        @Override
        public Truth test(double value) {
            return Truth.FALSE;
        }

        @Override
        public Truth testNull() {
            return Truth.TRUE;
        }
    };

    Truth test(double value);

    /** The answer for a null row: unknown unless the filter is about nulls. */
    default Truth testNull() {
        return Truth.UNKNOWN;
    }
}
