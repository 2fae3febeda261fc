package dev.tributary.core.input;

import dev.tributary.core.column.Column;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.column.StringColumn;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.Values;
import dev.tributary.core.query.filter.DimFilter;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * One event seen as a one-row index (row 0), so that a query filter can judge it at ingest: how a
 * {@code filtered} metric decides whether an event counts, and how a transformSpec filter keeps or
 * drops it, as Druid filters the input row. Whole numbers read as long columns, other numbers as
 * double columns, everything else as strings.
 */
public final class EventRowIndex implements QueryableIndex {
    private final InputRow event;

    public EventRowIndex(InputRow event) {
        this.event = event;
    }

    /** Whether {@code filter} matches {@code event}. */
    public static boolean matches(DimFilter filter, InputRow event) {
        return filter.makeMatcher(new EventRowIndex(event)).matches(0);
    }

    @Override
    public String dataSource() {
        return "";
    }

    @Override
    public Interval dataInterval() {
        return new Interval(event.timestamp(), event.timestamp() + 1);
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
        return event.dimensions();
    }

    @Override
    public List<AggregatorFactory> metrics() {
        return List.of();
    }

    @Override
    public long maxIngestedEventTime() {
        return event.timestamp();
    }

    @Override
    public Column column(String name) {
        if ("__time".equals(name)) {
            return time();
        }
        Object value = event.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Long || value instanceof Integer) {
            return number(ColumnType.LONG, ((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return number(ColumnType.DOUBLE, n.doubleValue());
        }
        List<String> values = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> values.add(Values.toText(v)));
        } else {
            values.add(Values.toText(value));
        }
        return new Strings(values);
    }

    @Override
    public NumericColumn time() {
        return number(ColumnType.LONG, event.timestamp());
    }

    @Override
    public void scan(RowBlockVisitor visitor) {
        visitor.visit(0, 1);
    }

    private static NumericColumn number(ColumnType type, double value) {
        return new NumericColumn() {
            @Override
            public ColumnType type() {
                return type;
            }

            @Override
            public boolean isNull(int row) {
                return false;
            }

            @Override
            public long getLong(int row) {
                return (long) value;
            }

            @Override
            public double getDouble(int row) {
                return value;
            }
        };
    }

    private static NumericColumn number(ColumnType type, long value) {
        return new NumericColumn() {
            @Override
            public ColumnType type() {
                return type;
            }

            @Override
            public boolean isNull(int row) {
                return false;
            }

            @Override
            public long getLong(int row) {
                return value;
            }

            @Override
            public double getDouble(int row) {
                return value;
            }
        };
    }

    /** The event's values as a one-row dictionary column: id 0 is null, ids 1.. the values in order. */
    private record Strings(List<String> values) implements StringColumn {
        @Override
        public int cardinality() {
            return values.size() + 1;
        }

        @Override
        public String lookupName(int id) {
            return id == NULL_ID ? null : values.get(id - 1);
        }

        @Override
        public int lookupId(String value) {
            if (value == null) {
                return NULL_ID;
            }
            int i = values.indexOf(value);
            return i < 0 ? -1 : i + 1;
        }

        @Override
        public boolean hasMultipleValues() {
            return values.size() > 1;
        }

        @Override
        public int getId(int row) {
            return values.isEmpty() ? NULL_ID : 1;
        }

        @Override
        public int valueCount(int row) {
            return values.size();
        }

        @Override
        public int getId(int row, int index) {
            return index + 1;
        }
    }
}
