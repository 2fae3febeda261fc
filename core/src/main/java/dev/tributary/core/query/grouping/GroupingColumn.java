package dev.tributary.core.query.grouping;

import dev.tributary.core.column.Column;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.column.StringColumn;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.InvalidQueryException;
import dev.tributary.core.query.dimension.DimensionSpec;
import dev.tributary.core.query.dimension.OutputValues;
import java.util.Arrays;

/**
 * One grouping dimension of one piece, read as small int ids: a string column's dictionary ids as
 * they are, a numeric column's values through a local dictionary, a missing column as all-null. Id 0
 * always means null. {@link #value} turns an id into the output value of the dimension spec. Used by
 * one query thread. Row reads happen inside the piece's scan; {@link #value} is also called after it,
 * which is safe because it reads only dictionaries, and a dictionary's entries never change.
 */
public abstract class GroupingColumn {
    final ColumnType outputType;

    GroupingColumn(ColumnType outputType) {
        this.outputType = outputType;
    }

    /** The column {@code spec} names in {@code piece}, for grouping. */
    public static GroupingColumn of(QueryableIndex piece, DimensionSpec spec) {
        Column column = piece.column(spec.dimension());
        if (column == null) {
            return new Missing(spec.outputType());
        }
        if (column instanceof StringColumn strings) {
            return new Strings(strings, spec.outputType());
        }
        if (column instanceof NumericColumn numbers) {
            return new Numbers(numbers, spec.outputType());
        }
        throw new InvalidQueryException("cannot group on '" + spec.dimension() + "': it is a complex column");
    }

    /** Whether a row may hold several values; read once the scan has started. */
    abstract boolean multiValued();

    /** The id of a single-valued row. */
    abstract int id(int row);

    /** {@link #id(int)} of each single-valued row of {@code [start, end)} into {@code out[0, end - start)}. */
    void ids(int start, int end, int[] out) {
        for (int row = start; row < end; row++) {
            out[row - start] = id(row);
        }
    }

    /** How many values the row holds (0 for an empty list, which groups as null). */
    abstract int valueCount(int row);

    /** The {@code index}-th id of the row. */
    abstract int id(int row, int index);

    /** Every id returned so far is below this. */
    abstract int idBound();

    /** The output value of an id. */
    public abstract Object value(int id);

    /** Whether different ids always have different output values (else groups must be merged by value). */
    abstract boolean injective();

    /** Whether {@link #idBound()}, read once the scan has started, bounds every id the scan will return. */
    boolean boundedDictionary() {
        return true;
    }

    /** A string column's dictionary ids. */
    private static final class Strings extends GroupingColumn {
        private final StringColumn column;
        private Object[] converted = new Object[0];
        private boolean[] done = new boolean[0];

        Strings(StringColumn column, ColumnType outputType) {
            super(outputType);
            this.column = column;
        }

        @Override
        boolean multiValued() {
            return column.hasMultipleValues();
        }

        @Override
        int id(int row) {
            return column.getId(row);
        }

        @Override
        void ids(int start, int end, int[] out) {
            column.getIds(start, end, out);
        }

        @Override
        int valueCount(int row) {
            return column.valueCount(row);
        }

        @Override
        int id(int row, int index) {
            return column.getId(row, index);
        }

        @Override
        int idBound() {
            return column.cardinality();
        }

        @Override
        public Object value(int id) {
            if (outputType == ColumnType.STRING) {
                return column.lookupName(id);
            }
            if (id >= done.length) {
                int size = Math.max(id + 1, column.cardinality());
                converted = Arrays.copyOf(converted, size);
                done = Arrays.copyOf(done, size);
            }
            if (!done[id]) {
                converted[id] = OutputValues.convert(column.lookupName(id), outputType);
                done[id] = true;
            }
            return converted[id];
        }

        @Override
        boolean injective() {
            return outputType == ColumnType.STRING;
        }
    }

    /** A numeric column's values, numbered in the order first met. */
    private static final class Numbers extends GroupingColumn {
        private final NumericColumn column;
        private final boolean longs;
        private final LongIntMap dictionary = new LongIntMap(1024);
        private long[] keys;

        Numbers(NumericColumn column, ColumnType outputType) {
            super(outputType);
            this.column = column;
            this.longs = column.type() == ColumnType.LONG;
        }

        @Override
        boolean multiValued() {
            return false;
        }

        @Override
        int id(int row) {
            if (column.isNull(row)) {
                return 0;
            }
            long key = longs ? column.getLong(row) : Double.doubleToLongBits(column.getDouble(row));
            return dictionary.getOrAddNext(key) + 1;
        }

        @Override
        int valueCount(int row) {
            return 1;
        }

        @Override
        int id(int row, int index) {
            return id(row);
        }

        @Override
        int idBound() {
            return dictionary.size() + 1;
        }

        @Override
        boolean boundedDictionary() {
            return false;
        }

        @Override
        public Object value(int id) {
            if (id == 0) {
                return null;
            }
            if (keys == null || keys.length != dictionary.size()) {
                keys = dictionary.keysByValue();
            }
            long key = keys[id - 1];
            Object raw;
            if (longs) {
                raw = key;
            } else if (column.type() == ColumnType.FLOAT) {
                raw = (float) Double.longBitsToDouble(key);
            } else {
                raw = Double.longBitsToDouble(key);
            }
            return OutputValues.convert(raw, outputType);
        }

        @Override
        boolean injective() {
            ColumnType input = column.type();
            return outputType == ColumnType.STRING || outputType == input
                    || (input == ColumnType.FLOAT && outputType == ColumnType.DOUBLE);
        }
    }

    /** A column the piece does not have: every row is null. */
    private static final class Missing extends GroupingColumn {
        Missing(ColumnType outputType) {
            super(outputType);
        }

        @Override
        boolean multiValued() {
            return false;
        }

        @Override
        int id(int row) {
            return 0;
        }

        @Override
        int valueCount(int row) {
            return 1;
        }

        @Override
        int id(int row, int index) {
            return 0;
        }

        @Override
        int idBound() {
            return 1;
        }

        @Override
        public Object value(int id) {
            return null;
        }

        @Override
        boolean injective() {
            return true;
        }
    }
}
