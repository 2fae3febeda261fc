package dev.tributary.core.aggregation;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.index.QueryableIndex;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Druid's first/last aggregators ({@code longFirst}, {@code stringLast}, ...): the value of a field at
 * the earliest (first) or latest (last) time. The intermediate value is a {@link SerializablePair}
 * of (time, value); the final value is the value.
 *
 * <p>Which row wins, as in Druid: time comes from {@code timeColumn} ({@code __time} by default; at
 * ingest the event's own, untruncated timestamp), or from the pair itself when the field is a column
 * of first/last pairs, which is how rolled-up first/last metrics are re-aggregated. On equal times
 * first keeps the row seen first and last takes the row seen last. Null values compete like any
 * other (the first row's null is the first value), with one exception Druid also makes: at ingest,
 * string first/last ignore events whose field is null.
 */
public abstract sealed class FirstLastAggregatorFactory implements AggregatorFactory permits
        LongFirstAggregatorFactory, LongLastAggregatorFactory, DoubleFirstAggregatorFactory,
        DoubleLastAggregatorFactory, FloatFirstAggregatorFactory, FloatLastAggregatorFactory,
        StringFirstAggregatorFactory, StringLastAggregatorFactory {
    static final String TIME = "__time";
    static final int DEFAULT_MAX_STRING_BYTES = 1024;

    /** The kind of value kept. */
    enum Kind {
        LONG(ColumnType.LONG, "serializablePairLongLong"),
        FLOAT(ColumnType.FLOAT, "serializablePairLongFloat"),
        DOUBLE(ColumnType.DOUBLE, "serializablePairLongDouble"),
        STRING(ColumnType.STRING, "serializablePairLongString");

        final ColumnType type;
        final String complexTypeName;

        Kind(ColumnType type, String complexTypeName) {
            this.type = type;
            this.complexTypeName = complexTypeName;
        }

        /** Any value as this kind's Java type: Long, Float, Double or String; null stays null. */
        Object convert(Object value) {
            if (value == null) {
                return null;
            }
            return switch (this) {
                case LONG -> Values.toLong(value);
                case FLOAT -> Values.asFloat(value);
                case DOUBLE -> Values.toDouble(value);
                case STRING -> Values.toText(value);
            };
        }
    }

    private final String type;
    private final Kind kind;
    private final boolean last;
    private final String name;
    private final String fieldName;
    private final String timeColumn;
    private final int maxStringBytes;

    FirstLastAggregatorFactory(String type, Kind kind, boolean last, String name, String fieldName,
            String timeColumn, Integer maxStringBytes) {
        require(name != null && !name.isBlank(), "name", "an aggregator needs a name");
        require(fieldName != null && !fieldName.isBlank(), "fieldName", type + " '" + name + "' needs a fieldName");
        require(timeColumn == null || !timeColumn.isBlank(), "timeColumn", "must not be blank");
        require(maxStringBytes == null || maxStringBytes >= 0, "maxStringBytes", "must not be negative");
        this.type = type;
        this.kind = kind;
        this.last = last;
        this.name = name;
        this.fieldName = fieldName;
        this.timeColumn = timeColumn == null ? TIME : timeColumn;
        this.maxStringBytes = maxStringBytes == null ? DEFAULT_MAX_STRING_BYTES : maxStringBytes;
    }

    /** The same aggregator over other columns: how {@link #combining()} is built. */
    abstract FirstLastAggregatorFactory with(String name, String fieldName, String timeColumn);

    @Override
    @JsonProperty("name")
    public String name() {
        return name;
    }

    @JsonProperty("fieldName")
    public String fieldName() {
        return fieldName;
    }

    @JsonProperty("timeColumn")
    public String timeColumn() {
        return timeColumn;
    }

    /** For string first/last: values are cut to this many UTF-8 bytes. */
    int maxBytes() {
        return maxStringBytes;
    }

    @Override
    public List<String> requiredFields() {
        return TIME.equals(timeColumn) ? List.of(fieldName) : List.of(fieldName, timeColumn);
    }

    @Override
    public MetricColumn newMetricColumn() {
        return new FirstLastMetricColumn(kind, last, fieldName, TIME.equals(timeColumn) ? null : timeColumn,
                maxStringBytes);
    }

    @Override
    public GroupAggregator newGroupAggregator(QueryableIndex index) {
        return new FirstLastGroupAggregator(kind, last, PairReader.of(index, kind, fieldName, timeColumn),
                maxStringBytes);
    }

    @Override
    public AggregatorFactory combining() {
        return with(name, name, null);
    }

    @Override
    public Object combine(Object lhs, Object rhs) {
        if (lhs == null) {
            return rhs;
        }
        if (rhs == null) {
            return lhs;
        }
        long left = ((SerializablePair) lhs).lhs();
        long right = ((SerializablePair) rhs).lhs();
        if (last) {
            return left > right ? lhs : rhs;
        }
        return left <= right ? lhs : rhs;
    }

    /** Druid's "nothing seen" pair: a time no real value can beat, and no value. */
    @Override
    public Object emptyValue() {
        long time;
        if (kind == Kind.STRING) {
            time = last ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        } else {
            time = last ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return new SerializablePair(time, null);
    }

    @Override
    public Object deserialize(Object serialized) {
        if (serialized instanceof Map<?, ?> map) {
            Object time = map.get("lhs");
            return new SerializablePair(time == null ? emptyTime() : Values.toLong(time), kind.convert(map.get("rhs")));
        }
        if (serialized instanceof SerializablePair pair) {
            return new SerializablePair(pair.lhs(), kind.convert(pair.rhs()));
        }
        return serialized;
    }

    private long emptyTime() {
        return ((SerializablePair) emptyValue()).lhs();
    }

    @Override
    public Object finalizeValue(Object intermediate) {
        return intermediate instanceof SerializablePair pair ? pair.rhs() : intermediate;
    }

    @Override
    public ColumnType intermediateType() {
        return ColumnType.COMPLEX;
    }

    @Override
    public String complexTypeName() {
        return kind.complexTypeName;
    }

    @Override
    public ColumnType finalType() {
        return kind.type;
    }

    /** Orders pairs by their values, nulls first. */
    @Override
    public Comparator<Object> comparator() {
        Comparator<Object> values = kind == Kind.STRING
                ? Comparator.nullsFirst(Comparator.comparing(v -> (String) v))
                : Comparator.nullsFirst(Comparator.comparingDouble(v -> ((Number) v).doubleValue()));
        return Comparator.nullsFirst(Comparator.comparing(p -> ((SerializablePair) p).rhs(), values));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FirstLastAggregatorFactory other && other.getClass() == getClass()
                && name.equals(other.name) && fieldName.equals(other.fieldName)
                && timeColumn.equals(other.timeColumn) && maxStringBytes == other.maxStringBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), name, fieldName, timeColumn, maxStringBytes);
    }

    @Override
    public String toString() {
        return type + "{name=" + name + ", fieldName=" + fieldName + ", timeColumn=" + timeColumn
                + (kind == Kind.STRING ? ", maxStringBytes=" + maxStringBytes : "") + "}";
    }
}
