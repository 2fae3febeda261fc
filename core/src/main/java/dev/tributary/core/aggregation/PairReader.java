package dev.tributary.core.aggregation;

import dev.tributary.core.aggregation.FirstLastAggregatorFactory.Kind;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.Columns;
import dev.tributary.core.column.ComplexColumn;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.column.StringColumn;
import dev.tributary.core.index.QueryableIndex;

/**
 * Reads (time, value) candidates of a first/last aggregator row by row into its public fields, so a
 * scan allocates nothing for numeric values. {@link #readTime} comes first; {@link #readValue} only
 * for a row that wins.
 */
abstract class PairReader {
    long time;
    boolean valueNull;
    long longValue;
    double doubleValue;
    String text;

    /** Loads the row's time; false when the row has no candidate (null time, no pair). */
    abstract boolean readTime(int row);

    /** Loads the value of the row whose time was just read. */
    abstract void readValue(int row);

    /**
     * The reader for {@code fieldName}: the pairs themselves for a first/last column (their own times
     * win), otherwise the field's values at the times of {@code timeColumn}.
     */
    static PairReader of(QueryableIndex index, Kind kind, String fieldName, String timeColumn) {
        Column column = index.column(fieldName);
        if (column instanceof TimedValueColumn pairs && (pairs.kind() == Kind.STRING) == (kind == Kind.STRING)) {
            return new FromPairColumn(pairs, kind);
        }
        if (column instanceof ComplexColumn complex) {
            return new FromPairObjects(complex, kind);
        }
        if (column == null) {
            return new Nothing(); // Druid folds nothing from a missing column: the result is its "nothing seen" pair
        }
        NumericColumn time = FirstLastAggregatorFactory.TIME.equals(timeColumn) ? index.time() : Columns.numeric(index, timeColumn);
        if (kind != Kind.STRING) {
            return new NumberAtTime(time, Columns.numeric(index, fieldName), kind);
        }
        return new TextAtTime(time, column);
    }

    /** Sets the value fields from any object, converted to {@code kind}. */
    final void setValue(Object value, Kind kind) {
        Object converted = kind.convert(value);
        valueNull = converted == null;
        if (converted instanceof String s) {
            text = s;
        } else if (converted instanceof Long l) {
            longValue = l;
        } else if (converted != null) {
            doubleValue = ((Number) converted).doubleValue();
        }
    }

    private static final class FromPairColumn extends PairReader {
        private final TimedValueColumn pairs;
        private final Kind kind;

        FromPairColumn(TimedValueColumn pairs, Kind kind) {
            this.pairs = pairs;
            this.kind = kind;
        }

        @Override
        boolean readTime(int row) {
            if (!pairs.hasPair(row)) {
                return false;
            }
            time = pairs.time(row);
            return true;
        }

        @Override
        void readValue(int row) {
            valueNull = pairs.isValueNull(row);
            if (valueNull) {
                return;
            }
            switch (kind) {
                case LONG -> longValue = pairs.getLong(row);
                case FLOAT -> doubleValue = (float) pairs.getDouble(row);
                case DOUBLE -> doubleValue = pairs.getDouble(row);
                case STRING -> text = pairs.getString(row);
                default -> throw new IllegalStateException();
            }
        }
    }

    /** Any other complex column: its objects, when they are {@link SerializablePair}s. */
    private static final class FromPairObjects extends PairReader {
        private final ComplexColumn column;
        private final Kind kind;
        private Object value;

        FromPairObjects(ComplexColumn column, Kind kind) {
            this.column = column;
            this.kind = kind;
        }

        @Override
        boolean readTime(int row) {
            if (column.getObject(row) instanceof SerializablePair pair) {
                time = pair.lhs();
                value = pair.rhs();
                return true;
            }
            return false;
        }

        @Override
        void readValue(int row) {
            setValue(value, kind);
        }
    }

    private static final class NumberAtTime extends PairReader {
        private final NumericColumn times;
        private final NumericColumn values;
        private final Kind kind;

        NumberAtTime(NumericColumn times, NumericColumn values, Kind kind) {
            this.times = times;
            this.values = values;
            this.kind = kind;
        }

        @Override
        boolean readTime(int row) {
            if (times.isNull(row)) {
                return false;
            }
            time = times.getLong(row);
            return true;
        }

        @Override
        void readValue(int row) {
            valueNull = values.isNull(row);
            if (valueNull) {
                return;
            }
            switch (kind) {
                case LONG -> longValue = values.getLong(row);
                case FLOAT -> doubleValue = (float) values.getDouble(row);
                default -> doubleValue = values.getDouble(row);
            }
        }
    }

    private static final class TextAtTime extends PairReader {
        private final NumericColumn times;
        private final Column values;

        TextAtTime(NumericColumn times, Column values) {
            this.times = times;
            this.values = values;
        }

        @Override
        boolean readTime(int row) {
            if (times.isNull(row)) {
                return false;
            }
            time = times.getLong(row);
            return true;
        }

        @Override
        void readValue(int row) {
            text = values instanceof StringColumn strings ? text(strings, row)
                    : values instanceof NumericColumn numbers ? Values.toText(numbers.getObject(row)) : null;
            valueNull = text == null;
        }

        /** A multi-value row reads as Druid prints a list: {@code [a, b]}. */
        private static String text(StringColumn strings, int row) {
            int count = strings.valueCount(row);
            if (count == 1) {
                return strings.lookupName(strings.getId(row));
            }
            if (count == 0) {
                return null;
            }
            StringBuilder list = new StringBuilder("[");
            for (int i = 0; i < count; i++) {
                list.append(i == 0 ? "" : ", ").append(strings.lookupName(strings.getId(row, i)));
            }
            return list.append(']').toString();
        }
    }

    private static final class Nothing extends PairReader {
        @Override
        boolean readTime(int row) {
            return false;
        }

        @Override
        void readValue(int row) {
        }
    }
}
