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

    /** A selector over one value fetched per call by {@code source}. */
    public static ColumnValueSelector selector(java.util.function.Supplier<Object> source) {
        return new ColumnValueSelector() {
            @Override
            public boolean isNull() {
                return toDouble(source.get()) == null;
            }

            @Override
            public long getLong() {
                Long l = toLong(source.get());
                return l == null ? 0L : l;
            }

            @Override
            public double getDouble() {
                Double d = toDouble(source.get());
                return d == null ? 0.0 : d;
            }

            @Override
            public Object getObject() {
                return source.get();
            }
        };
    }
}
