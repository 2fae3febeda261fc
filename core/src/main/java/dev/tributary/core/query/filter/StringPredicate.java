package dev.tributary.core.query.filter;

/**
 * A three-valued test of one string value ({@code null} for a missing value). On a dictionary-encoded
 * column it runs once per distinct value, so it may be slow-ish but must be pure.
 */
@FunctionalInterface
public interface StringPredicate {
    Truth test(String value);

    /**
     * The non-null values this predicate is true for when it is false for every other non-null
     * value (an equality or an {@code in} list), so that an index can look them up instead of
     * testing its whole dictionary; null when it is not such a predicate.
     */
    default java.util.Set<String> trueValues() {
        return null;
    }

    /** {@code value = expected}: unknown on null, as SQL's {@code =}; {@code equalTo(null)} is {@link #isNull()}. */
    static StringPredicate equalTo(String expected) {
        if (expected == null) {
            return isNull();
        }
        return oneOf(java.util.Set.of(expected), Truth.UNKNOWN);
    }

    /** True for the non-null {@code values}, false for other values, {@code onNull} for null. */
    static StringPredicate oneOf(java.util.Set<String> values, Truth onNull) {
        return new StringPredicate() {
            @Override
            public Truth test(String value) {
                return value == null ? onNull : Truth.of(values.contains(value));
            }

            @Override
            public java.util.Set<String> trueValues() {
                return values;
            }
        };
    }

    /** {@code value IS NULL}: never unknown. */
    static StringPredicate isNull() {
        return value -> Truth.of(value == null);
    }

    /** {@code false} for values, unknown for null: a comparison that no value can satisfy. */
    static StringPredicate never() {
        return value -> value == null ? Truth.UNKNOWN : Truth.FALSE;
    }
}
