package dev.tributary.core.query.filter;

import dev.tributary.core.column.BitmapIndexedColumn;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.ComplexColumn;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.column.StringColumn;
import dev.tributary.core.index.QueryableIndex;
import java.util.Arrays;

/**
 * Makes the {@link RowMatcher} that applies a filter's {@link ColumnPredicates} to one column of an
 * index, picking the predicate by the column's type. A string column's predicate runs once per
 * dictionary id (remembered as first seen), so a row costs an array lookup per value; a numeric
 * column's runs per row on the primitive value, without allocating.
 *
 * <p>A column with a bitmap index (a segment's) is not read at all: the predicate picks dictionary
 * values, and the union of their bitmaps answers for every row ({@link BitmapMatcher}).
 *
 * <p>An absent column reads as all nulls. A complex column (sketches and the like) has no values a
 * filter can compare: a row holding an object is false, a row without one is tested as null.
 */
public final class PredicateMatchers {
    private static final byte UNSEEN = 0;
    private static final byte TRUE = 1;
    private static final byte FALSE = 2;
    private static final byte UNKNOWN = 3;

    private PredicateMatchers() {
    }

    public static RowMatcher of(QueryableIndex index, String columnName, ColumnPredicates predicates) {
        Column column = index.column(columnName);
        if (column instanceof BitmapIndexedColumn indexed) {
            return BitmapMatcher.of(indexed, predicates.strings());
        }
        if (column instanceof StringColumn strings) {
            return new DictionaryMatcher(strings, predicates.strings());
        }
        if (column instanceof NumericColumn numbers) {
            return switch (numbers.type()) {
                case LONG -> new LongMatcher(numbers, predicates.longs());
                case FLOAT -> new DoubleMatcher(numbers, predicates.floats());
                default -> new DoubleMatcher(numbers, predicates.doubles());
            };
        }
        Truth onNull = predicates.strings().test(null);
        if (column instanceof ComplexColumn objects) {
            return new ComplexMatcher(objects, onNull);
        }
        return RowMatcher.constant(onNull);
    }

    private static byte code(Truth truth) {
        return switch (truth) {
            case TRUE -> TRUE;
            case FALSE -> FALSE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** Caches the predicate's answer per dictionary id; the dictionary of a live index grows while read. */
    private static final class DictionaryMatcher implements RowMatcher {
        private final StringColumn column;
        private final StringPredicate predicate;
        private byte[] answers = new byte[0];

        DictionaryMatcher(StringColumn column, StringPredicate predicate) {
            this.column = column;
            this.predicate = predicate;
        }

        private byte answer(int id) {
            byte[] known = answers;
            if (id < known.length && known[id] != UNSEEN) {
                return known[id];
            }
            if (id >= known.length) {
                known = Arrays.copyOf(known, Math.max(id + 1, column.cardinality()));
                answers = known;
            }
            byte answer = code(predicate.test(column.lookupName(id)));
            known[id] = answer;
            return answer;
        }

        @Override
        public boolean matches(int row) {
            int count = column.valueCount(row);
            if (count == 1) {
                return answer(column.getId(row)) == TRUE;
            }
            if (count == 0) {
                return answer(StringColumn.NULL_ID) == TRUE;
            }
            for (int i = 0; i < count; i++) {
                if (answer(column.getId(row, i)) == TRUE) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean matchesOrUnknown(int row) {
            int count = column.valueCount(row);
            if (count == 1) {
                return answer(column.getId(row)) != FALSE;
            }
            if (count == 0) {
                return answer(StringColumn.NULL_ID) != FALSE;
            }
            for (int i = 0; i < count; i++) {
                if (answer(column.getId(row, i)) != FALSE) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class LongMatcher implements RowMatcher {
        private final NumericColumn column;
        private final LongValuePredicate predicate;
        private final Truth onNull;

        LongMatcher(NumericColumn column, LongValuePredicate predicate) {
            this.column = column;
            this.predicate = predicate;
            this.onNull = predicate.testNull();
        }

        @Override
        public boolean matches(int row) {
            return (column.isNull(row) ? onNull : predicate.test(column.getLong(row))) == Truth.TRUE;
        }

        @Override
        public boolean matchesOrUnknown(int row) {
            return (column.isNull(row) ? onNull : predicate.test(column.getLong(row))) != Truth.FALSE;
        }
    }

    private static final class DoubleMatcher implements RowMatcher {
        private final NumericColumn column;
        private final DoubleValuePredicate predicate;
        private final Truth onNull;

        DoubleMatcher(NumericColumn column, DoubleValuePredicate predicate) {
            this.column = column;
            this.predicate = predicate;
            this.onNull = predicate.testNull();
        }

        @Override
        public boolean matches(int row) {
            return (column.isNull(row) ? onNull : predicate.test(column.getDouble(row))) == Truth.TRUE;
        }

        @Override
        public boolean matchesOrUnknown(int row) {
            return (column.isNull(row) ? onNull : predicate.test(column.getDouble(row))) != Truth.FALSE;
        }
    }

    private static final class ComplexMatcher implements RowMatcher {
        private final ComplexColumn column;
        private final Truth onNull;

        ComplexMatcher(ComplexColumn column, Truth onNull) {
            this.column = column;
            this.onNull = onNull;
        }

        @Override
        public boolean matches(int row) {
            return column.getObject(row) == null && onNull == Truth.TRUE;
        }

        @Override
        public boolean matchesOrUnknown(int row) {
            return column.getObject(row) == null && onNull != Truth.FALSE;
        }
    }
}
