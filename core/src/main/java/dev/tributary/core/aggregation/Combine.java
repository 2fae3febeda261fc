package dev.tributary.core.aggregation;

import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/** Null-aware combining of partial results: null means "nothing aggregated" and is the identity. */
public final class Combine {
    private Combine() {
    }

    public static Object longs(Object lhs, Object rhs, LongBinaryOperator fold) {
        if (lhs == null) {
            return rhs;
        }
        if (rhs == null) {
            return lhs;
        }
        return fold.applyAsLong(((Number) lhs).longValue(), ((Number) rhs).longValue());
    }

    public static Object doubles(Object lhs, Object rhs, DoubleBinaryOperator fold) {
        if (lhs == null) {
            return rhs;
        }
        if (rhs == null) {
            return lhs;
        }
        return fold.applyAsDouble(((Number) lhs).doubleValue(), ((Number) rhs).doubleValue());
    }

    public static Object floats(Object lhs, Object rhs, DoubleBinaryOperator fold) {
        Object combined = doubles(lhs, rhs, fold);
        return combined == null ? null : Float.valueOf(((Number) combined).floatValue());
    }
}
