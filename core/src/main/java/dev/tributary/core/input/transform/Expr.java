package dev.tributary.core.input.transform;

import java.util.Map;

/**
 * A parsed Druid expression ({@code concat(page, '-', user)}, {@code added * 2}), evaluated against one
 * row's fields. Immutable and thread-safe. See {@link ExprParser} for the grammar.
 */
@FunctionalInterface
public interface Expr {
    /** The value for a row: a String, Long, Double, or null. */
    Object eval(Map<String, Object> fields);
}
