package dev.tributary.core.query.filter;

import dev.tributary.core.aggregation.Values;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.column.StringColumn;
import dev.tributary.core.index.QueryableIndex;
import java.util.Arrays;

/**
 * Applies a {@link StringPredicate} to a column. On a dictionary-encoded column the predicate runs
 * once per dictionary id (cached as it is first seen), so a row costs an array lookup. Numeric
 * columns are tested on their text form; a missing column is all nulls.
 */
public final class StringPredicateMatcher {
    private StringPredicateMatcher() {
    }

    public static RowMatcher of(QueryableIndex index, String columnName, StringPredicate predicate) {
        Column column = index.column(columnName);
        if (column instanceof StringColumn strings) {
            return new DictionaryMatcher(strings, predicate);
        }
        if (column instanceof NumericColumn numbers) {
            return new RowMatcher() {
                @Override
                public boolean matches(int row) {
                    return Boolean.TRUE.equals(predicate.test(text(row)));
                }

                @Override
                public boolean matchesOrUnknown(int row) {
                    return !Boolean.FALSE.equals(predicate.test(text(row)));
                }

                private String text(int row) {
                    return Values.toText(numbers.getObject(row));
                }
            };
        }
        Boolean onNull = predicate.test(null);
        boolean matches = Boolean.TRUE.equals(onNull);
        boolean matchesOrUnknown = !Boolean.FALSE.equals(onNull);
        return new RowMatcher() {
            @Override
            public boolean matches(int row) {
                return matches;
            }

            @Override
            public boolean matchesOrUnknown(int row) {
                return matchesOrUnknown;
            }
        };
    }

    /** Caches the predicate per dictionary id: 0 = not evaluated, 1 = true, 2 = false, 3 = unknown. */
    private static final class DictionaryMatcher implements RowMatcher {
        private final StringColumn column;
        private final StringPredicate predicate;
        private byte[] outcomes = new byte[0];

        DictionaryMatcher(StringColumn column, StringPredicate predicate) {
            this.column = column;
            this.predicate = predicate;
        }

        private byte outcome(int id) {
            if (id >= outcomes.length) {
                outcomes = Arrays.copyOf(outcomes, Math.max(id + 1, column.cardinality()));
            }
            byte outcome = outcomes[id];
            if (outcome == 0) {
                Boolean result = predicate.test(column.lookupName(id));
                outcome = result == null ? (byte) 3 : result ? (byte) 1 : (byte) 2;
                outcomes[id] = outcome;
            }
            return outcome;
        }

        @Override
        public boolean matches(int row) {
            int count = column.valueCount(row);
            if (count == 1) {
                return outcome(column.getId(row)) == 1;
            }
            if (count == 0) {
                return outcome(StringColumn.NULL_ID) == 1;
            }
            for (int i = 0; i < count; i++) {
                if (outcome(column.getId(row, i)) == 1) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean matchesOrUnknown(int row) {
            int count = column.valueCount(row);
            if (count == 1) {
                return outcome(column.getId(row)) != 2;
            }
            if (count == 0) {
                return outcome(StringColumn.NULL_ID) != 2;
            }
            for (int i = 0; i < count; i++) {
                if (outcome(column.getId(row, i)) != 2) {
                    return true;
                }
            }
            return false;
        }
    }
}
