package dev.tributary.core.query.groupby;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.Values;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.column.StringColumn;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finished groupBy rows seen as a queryable index, so that any query filter can judge them (the
 * {@code filter} having clause). A column is an output name: numbers become a LONG or DOUBLE column,
 * anything else a string column of the values' text; a name no row has is a missing column.
 */
final class ResultTableIndex implements QueryableIndex {
    private final ResultTable rows;
    private final Map<String, Column> columns = new HashMap<>();

    ResultTableIndex(ResultTable rows) {
        this.rows = rows;
    }

    @Override
    public String dataSource() {
        return "groupBy results";
    }

    @Override
    public Interval dataInterval() {
        if (rows.size() == 0) {
            return null;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int row = 0; row < rows.size(); row++) {
            min = Math.min(min, rows.time(row));
            max = Math.max(max, rows.time(row));
        }
        return new Interval(min, max + 1);
    }

    @Override
    public Granularity queryGranularity() {
        return Granularity.NONE;
    }

    @Override
    public boolean rollup() {
        return false;
    }

    @Override
    public List<String> dimensionNames() {
        return rows.dimensions();
    }

    @Override
    public List<AggregatorFactory> metrics() {
        return List.of();
    }

    @Override
    public long maxIngestedEventTime() {
        return Long.MIN_VALUE;
    }

    @Override
    public Column column(String name) {
        return columns.computeIfAbsent(name, this::build);
    }

    @Override
    public NumericColumn time() {
        return (NumericColumn) column("__time");
    }

    @Override
    public void scan(RowBlockVisitor visitor) {
        if (rows.size() > 0) {
            visitor.visit(0, rows.size());
        }
    }

    private Column build(String name) {
        int n = rows.size();
        if ("__time".equals(name)) {
            long[] times = new long[n];
            for (int row = 0; row < n; row++) {
                times[row] = rows.time(row);
            }
            return new Numbers(ColumnType.LONG, times, new boolean[n]);
        }
        Object[] values = new Object[n];
        boolean any = false;
        boolean allIntegral = true;
        boolean allNumbers = true;
        for (int row = 0; row < n; row++) {
            Object value = rows.values(row).get(name);
            values[row] = value;
            if (value != null) {
                any = true;
                allNumbers &= value instanceof Number;
                allIntegral &= value instanceof Long || value instanceof Integer;
            }
        }
        if (!any) {
            return null;
        }
        if (allNumbers) {
            long[] bits = new long[n];
            boolean[] nulls = new boolean[n];
            for (int row = 0; row < n; row++) {
                Number number = (Number) values[row];
                nulls[row] = number == null;
                if (number != null) {
                    bits[row] = allIntegral ? number.longValue() : Double.doubleToLongBits(number.doubleValue());
                }
            }
            return new Numbers(allIntegral ? ColumnType.LONG : ColumnType.DOUBLE, bits, nulls);
        }
        return new Strings(values);
    }

    private record Numbers(ColumnType type, long[] bits, boolean[] nulls) implements NumericColumn {
        @Override
        public boolean isNull(int row) {
            return nulls[row];
        }

        @Override
        public long getLong(int row) {
            return type == ColumnType.LONG ? bits[row] : (long) Double.longBitsToDouble(bits[row]);
        }

        @Override
        public double getDouble(int row) {
            return type == ColumnType.LONG ? bits[row] : Double.longBitsToDouble(bits[row]);
        }
    }

    /** The values' text, dictionary-encoded in the order first met; lists become multi-value rows. */
    private static final class Strings implements StringColumn {
        private final List<String> names = new ArrayList<>();
        private final Map<String, Integer> ids = new HashMap<>();
        private final int[][] rowIds;
        private boolean multi;

        Strings(Object[] values) {
            names.add(null);
            rowIds = new int[values.length][];
            for (int row = 0; row < values.length; row++) {
                if (values[row] instanceof List<?> list) {
                    multi |= list.size() > 1;
                    rowIds[row] = list.stream().mapToInt(v -> id(Values.toText(v))).toArray();
                } else {
                    rowIds[row] = new int[] {id(Values.toText(values[row]))};
                }
            }
        }

        private int id(String text) {
            if (text == null) {
                return NULL_ID;
            }
            return ids.computeIfAbsent(text, t -> {
                names.add(t);
                return names.size() - 1;
            });
        }

        @Override
        public int cardinality() {
            return names.size();
        }

        @Override
        public String lookupName(int id) {
            return names.get(id);
        }

        @Override
        public int lookupId(String value) {
            return value == null ? NULL_ID : ids.getOrDefault(value, -1);
        }

        @Override
        public boolean hasMultipleValues() {
            return multi;
        }

        @Override
        public int getId(int row) {
            return rowIds[row].length == 0 ? NULL_ID : rowIds[row][0];
        }

        @Override
        public int valueCount(int row) {
            return rowIds[row].length;
        }

        @Override
        public int getId(int row, int index) {
            return rowIds[row][index];
        }
    }
}
