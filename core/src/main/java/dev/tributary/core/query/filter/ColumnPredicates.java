package dev.tributary.core.query.filter;

import java.util.List;

/**
 * How one filter tests each kind of column, as Druid's predicate factories do: a string column by its
 * values (a row of several values matches when any value does, and is unknown when none matches but
 * one is unknown), a numeric column by its numbers. Built once per filter, shared by every matcher
 * made from it, so each predicate must be pure and thread-safe.
 *
 * @param strings string dimensions, and absent columns (tested with null)
 * @param longs long columns, {@code __time} included
 * @param floats float columns, their values widened to double
 * @param doubles double columns
 */
public record ColumnPredicates(
        StringPredicate strings,
        LongValuePredicate longs,
        DoubleValuePredicate floats,
        DoubleValuePredicate doubles) {

    /**
     * Tests numbers by their text as Java prints them per column type ({@code 5}, {@code 1.5} for a
     * float, {@code 1.0} for a double), as Druid's regex, like, search and lexicographic bound filters
     * do; a null number is unknown.
     */
    public static ColumnPredicates ofText(StringPredicate predicate) {
        return new ColumnPredicates(
                predicate,
                value -> predicate.test(Long.toString(value)),
                value -> predicate.test(Float.toString((float) value)),
                value -> predicate.test(Double.toString(value)));
    }

    /** The SQL OR of several filters' predicates, value by value. */
    public static ColumnPredicates anyOf(List<ColumnPredicates> parts) {
        List<ColumnPredicates> all = List.copyOf(parts);
        StringPredicate strings = value -> {
            Truth result = Truth.FALSE;
            for (ColumnPredicates part : all) {
                result = result.or(part.strings().test(value));
            }
            return result;
        };
        return new ColumnPredicates(strings, anyLong(all), anyDouble(all, true), anyDouble(all, false));
    }

    private static LongValuePredicate anyLong(List<ColumnPredicates> all) {
        return new LongValuePredicate() {
            @Override
            public Truth test(long value) {
                Truth result = Truth.FALSE;
                for (ColumnPredicates part : all) {
                    result = result.or(part.longs().test(value));
                }
                return result;
            }

            @Override
            public Truth testNull() {
                Truth result = Truth.FALSE;
                for (ColumnPredicates part : all) {
                    result = result.or(part.longs().testNull());
                }
                return result;
            }
        };
    }

    private static DoubleValuePredicate anyDouble(List<ColumnPredicates> all, boolean floats) {
        return new DoubleValuePredicate() {
            @Override
            public Truth test(double value) {
                Truth result = Truth.FALSE;
                for (ColumnPredicates part : all) {
                    result = result.or((floats ? part.floats() : part.doubles()).test(value));
                }
                return result;
            }

            @Override
            public Truth testNull() {
                Truth result = Truth.FALSE;
                for (ColumnPredicates part : all) {
                    result = result.or((floats ? part.floats() : part.doubles()).testNull());
                }
                return result;
            }
        };
    }
}
