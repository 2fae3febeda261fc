package dev.tributary.core.column;

import dev.tributary.core.aggregation.Values;
import dev.tributary.core.index.QueryableIndex;
import java.util.Arrays;

/** Adapters that let any column be read the way a query needs it. */
public final class Columns {
    /** A numeric column with no values: what an absent column reads as. */
    public static final NumericColumn ALWAYS_NULL = new NumericColumn() {
        @Override
        public ColumnType type() {
            return ColumnType.DOUBLE;
        }

        @Override
        public boolean isNull(int row) {
            return true;
        }

        @Override
        public long getLong(int row) {
            return 0;
        }

        @Override
        public double getDouble(int row) {
            return 0;
        }
    };

    private Columns() {
    }

    /**
     * The column {@code name} of {@code index} read as numbers: numeric columns as they are, string
     * columns by parsing each value (as Druid does), anything else or nothing as all-null.
     * The returned column is used by one query thread.
     */
    public static NumericColumn numeric(QueryableIndex index, String name) {
        Column column = index.column(name);
        if (column instanceof NumericColumn numeric) {
            return numeric;
        }
        if (column instanceof StringColumn strings) {
            return new ParsedStringColumn(strings);
        }
        return ALWAYS_NULL;
    }

    /** Reads a string column's values as numbers, parsing each dictionary entry once. */
    private static final class ParsedStringColumn implements NumericColumn {
        private final StringColumn strings;
        private double[] parsed = new double[0];
        private byte[] state = new byte[0]; // 0 = not parsed yet, 1 = number, 2 = not a number

        ParsedStringColumn(StringColumn strings) {
            this.strings = strings;
        }

        @Override
        public ColumnType type() {
            return ColumnType.DOUBLE;
        }

        private int idOf(int row) {
            int id = strings.getId(row);
            if (id >= state.length) {
                int size = Math.max(id + 1, strings.cardinality());
                parsed = Arrays.copyOf(parsed, size);
                state = Arrays.copyOf(state, size);
            }
            if (state[id] == 0) {
                Double value = Values.toDouble(strings.lookupName(id));
                state[id] = value == null ? (byte) 2 : (byte) 1;
                parsed[id] = value == null ? 0 : value;
            }
            return id;
        }

        @Override
        public boolean isNull(int row) {
            return state[idOf(row)] == 2;
        }

        @Override
        public long getLong(int row) {
            return (long) parsed[idOf(row)];
        }

        @Override
        public double getDouble(int row) {
            return parsed[idOf(row)];
        }
    }
}
