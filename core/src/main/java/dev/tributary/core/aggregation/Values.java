package dev.tributary.core.aggregation;

import java.util.List;

/** Druid's conversions of held values to numbers and strings. */
public final class Values {
    private Values() {
    }

    /** The value as a long, or null if it has none: numbers are truncated, text is parsed. */
    public static Long toLong(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                Double d = toDouble(s);
                return d == null ? null : d.longValue();
            }
        }
        if (value instanceof List<?> list && list.size() == 1) {
            return toLong(list.get(0));
        }
        return null;
    }

    /** The value as a double, or null if it has none. */
    public static Double toDouble(Object value) {
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (value instanceof List<?> list && list.size() == 1) {
            return toDouble(list.get(0));
        }
        return null;
    }

    /** The value as Druid prints a dimension value: 57 as "57", 57.5 as "57.5", true as "true". */
    public static String toText(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** A number read back from JSON as a Long (JSON integers may arrive as Integer); null stays null. */
    public static Long asLong(Object value) {
        return value == null ? null : toLong(value);
    }

    /** A number read back from JSON as a Double; null stays null. */
    public static Double asDouble(Object value) {
        return value == null ? null : toDouble(value);
    }

    /** A number read back from JSON as a Float; null stays null. */
    public static Float asFloat(Object value) {
        Double d = asDouble(value);
        return d == null ? null : d.floatValue();
    }
}
