package dev.tributary.core.query.filter;

import java.util.Comparator;

/** The interval tests shared by the bound, range and interval filters; an absent bound is unbounded. */
final class Ranges {
    private Ranges() {
    }

    /**
     * {@code lower <(=) value <(=) upper} under {@code order}; {@code onNull} answers for a null value.
     */
    static StringPredicate strings(Comparator<String> order, String lower, boolean lowerStrict,
                                   String upper, boolean upperStrict, Truth onNull) {
        return value -> {
            if (value == null) {
                return onNull;
            }
            if (lower != null) {
                int c = order.compare(value, lower);
                if (lowerStrict ? c <= 0 : c < 0) {
                    return Truth.FALSE;
                }
            }
            if (upper != null) {
                int c = order.compare(upper, value);
                if (upperStrict ? c <= 0 : c < 0) {
                    return Truth.FALSE;
                }
            }
            return Truth.TRUE;
        };
    }

    /** Whole-number bounds; null rows are unknown. */
    static LongValuePredicate longs(Long lower, boolean lowerStrict, Long upper, boolean upperStrict) {
        long low = lower == null ? Long.MIN_VALUE : lower;
        long high = upper == null ? Long.MAX_VALUE : upper;
        boolean hasLower = lower != null;
        boolean hasUpper = upper != null;
        return value -> {
            if (hasLower && (lowerStrict ? value <= low : value < low)) {
                return Truth.FALSE;
            }
            if (hasUpper && (upperStrict ? value >= high : value > high)) {
                return Truth.FALSE;
            }
            return Truth.TRUE;
        };
    }

    /** Bounds compared with {@link Double#compare} (NaN above +Infinity, -0.0 below 0.0); null rows are unknown. */
    static DoubleValuePredicate doubles(Double lower, boolean lowerStrict, Double upper, boolean upperStrict) {
        double low = lower == null ? 0 : lower;
        double high = upper == null ? 0 : upper;
        boolean hasLower = lower != null;
        boolean hasUpper = upper != null;
        return value -> {
            if (hasLower) {
                int c = Double.compare(value, low);
                if (lowerStrict ? c <= 0 : c < 0) {
                    return Truth.FALSE;
                }
            }
            if (hasUpper) {
                int c = Double.compare(high, value);
                if (upperStrict ? c <= 0 : c < 0) {
                    return Truth.FALSE;
                }
            }
            return Truth.TRUE;
        };
    }
}
