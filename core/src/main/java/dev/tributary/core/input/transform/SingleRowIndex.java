package dev.tributary.core.input.transform;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.Values;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.column.StringColumn;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.input.InputRow;
import dev.tributary.core.query.filter.DimFilter;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * One input row seen as a one-row index, so that a query filter (written against indexes) can judge
 * an event at ingest time. Numbers become numeric columns, text and lists string columns.
 */
final class SingleRowIndex implements QueryableIndex {
    private final InputRow row;

    private SingleRowIndex(InputRow row) {
        this.row = row;
    }

    static boolean matches(DimFilter filter, InputRow row) {
        return filter.makeMatcher(new SingleRowIndex(row)).matches(0);
    }

    @Override
    public String dataSource() {
        return "";
    }

    @Override
    public Interval dataInterval() {
        return new Interval(row.timestamp(), row.timestamp() + 1);
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
        return row.dimensions();
    }

    @Override
    public List<AggregatorFactory> metrics() {
        return List.of();
    }

    @Override
    public long maxIngestedEventTime() {
        return row.timestamp();
    }

    @Override
    public Column column(String name) {
        if (name.equals("__time")) {
            return time();
        }
        Object value = row.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Long || value instanceof Integer) {
            return constant(ColumnType.LONG, ((Number) value).longValue(), ((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return constant(ColumnType.DOUBLE, n.longValue(), n.doubleValue());
        }
        List<String> values = new ArrayList<>();
        values.add(null);
        if (value instanceof List<?> list) {
            list.forEach(v -> values.add(Values.toText(v)));
        } else {
            values.add(Values.toText(value));
        }
        return new StringColumn() {
            @Override
            public int cardinality() {
                return values.size();
            }

            @Override
            public String lookupName(int id) {
                return values.get(id);
            }

            @Override
            public int lookupId(String v) {
                int i = values.indexOf(v);
                return i;
            }

            @Override
            public boolean hasMultipleValues() {
                return values.size() > 2;
            }

            @Override
            public int getId(int r) {
                return values.size() > 1 ? 1 : NULL_ID;
            }

            @Override
            public int valueCount(int r) {
                return values.size() - 1;
            }

            @Override
            public int getId(int r, int index) {
                return index + 1;
            }
        };
    }

    private static NumericColumn constant(ColumnType type, long asLong, double asDouble) {
        return new NumericColumn() {
            @Override
            public ColumnType type() {
                return type;
            }

            @Override
            public boolean isNull(int r) {
                return false;
            }

            @Override
            public long getLong(int r) {
                return asLong;
            }

            @Override
            public double getDouble(int r) {
                return asDouble;
            }
        };
    }

    @Override
    public NumericColumn time() {
        return constant(ColumnType.LONG, row.timestamp(), row.timestamp());
    }

    @Override
    public void scan(RowBlockVisitor visitor) {
        visitor.visit(0, 1);
    }
}
