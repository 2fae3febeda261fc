package dev.tributary.core.query.filter;

import java.util.Objects;

/**
 * A test on one value as text (numbers as Druid prints them), three-valued: {@link #test} returns
 * {@code TRUE}, {@code FALSE} or null for unknown.
 */
@FunctionalInterface
public interface StringPredicate {
    /** TRUE, FALSE, or null when the answer is unknown (SQL comparison with null). */
    Boolean test(String value);

    /** Equality with SQL semantics: {@code = null} matches null; {@code = 'x'} on null is FALSE (Druid's selector). */
    static StringPredicate equalTo(String expected) {
        return value -> Objects.equals(value, expected);
    }
}
