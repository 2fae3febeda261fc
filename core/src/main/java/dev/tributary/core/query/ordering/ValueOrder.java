package dev.tributary.core.query.ordering;

import dev.tributary.core.query.filter.StringOrdering;
import java.util.Comparator;

/**
 * The natural order of result values, nulls first: numbers numerically (longs exactly), text by code
 * point as Druid's lexicographic order, anything else by its text.
 */
public final class ValueOrder {
    /** {@link #compare} as a comparator. */
    public static final Comparator<Object> NATURAL = ValueOrder::compare;

    private ValueOrder() {
    }

    public static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            if (isIntegral(x) && isIntegral(y)) {
                return Long.compare(x.longValue(), y.longValue());
            }
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return StringOrdering.LEXICOGRAPHIC.compare(x, y);
        }
        return StringOrdering.LEXICOGRAPHIC.compare(String.valueOf(a), String.valueOf(b));
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }
}
