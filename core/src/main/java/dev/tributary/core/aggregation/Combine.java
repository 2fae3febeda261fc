package dev.tributary.core.aggregation;

/** Null-aware addition of partial results: null means "nothing aggregated" and is the identity. */
final class Combine {
    private Combine() {
    }

    static Object combineLongs(Object lhs, Object rhs) {
        if (lhs == null) {
            return rhs;
        }
        if (rhs == null) {
            return lhs;
        }
        return ((Number) lhs).longValue() + ((Number) rhs).longValue();
    }

    static Object combineDoubles(Object lhs, Object rhs) {
        if (lhs == null) {
            return rhs;
        }
        if (rhs == null) {
            return lhs;
        }
        return ((Number) lhs).doubleValue() + ((Number) rhs).doubleValue();
    }
}
