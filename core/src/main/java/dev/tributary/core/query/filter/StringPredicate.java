package dev.tributary.core.query.filter;

/**
 * A three-valued test of one string value ({@code null} for a missing value). On a dictionary-encoded
 * column it runs once per distinct value, so it may be slow-ish but must be pure.
 */
@FunctionalInterface
public interface StringPredicate {
    Truth test(String value);

    /** {@code value = expected}: unknown on null, as SQL's {@code =}; {@code equalTo(null)} is {@link #isNull()}. */
    static StringPredicate equalTo(String expected) {
        if (expected == null) {
            return isNull();
        }
        return value -> value == null ? Truth.UNKNOWN : Truth.of(expected.equals(value));
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
