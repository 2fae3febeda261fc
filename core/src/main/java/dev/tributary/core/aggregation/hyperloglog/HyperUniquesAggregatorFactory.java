package dev.tributary.core.aggregation.hyperloglog;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.GroupAggregator;
import dev.tributary.core.aggregation.MetricColumn;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.ComplexColumn;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.input.InputRow;
import dev.tributary.core.query.InvalidQueryException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Druid's {@code hyperUnique}: at ingest, a HyperLogLog collector of a field's values (each value's
 * text hashed as UTF-8; with {@code isInputHyperUnique} the field already holds serialized
 * collectors); at query time, the union of such a column's collectors. The final value is the
 * estimate, a Double, or a Long with {@code round}; 0 when nothing was aggregated. As in Druid, a
 * query over a column that holds no collectors is an error.
 */
public record HyperUniquesAggregatorFactory(
        @JsonProperty("name") String name,
        @JsonProperty("fieldName") String fieldName,
        @JsonProperty("isInputHyperUnique") Boolean isInputHyperUnique,
        @JsonProperty("round") Boolean round) implements AggregatorFactory {
    public HyperUniquesAggregatorFactory {
        require(name != null && !name.isBlank(), "name", "an aggregator needs a name");
        require(fieldName != null && !fieldName.isBlank(), "fieldName", "hyperUnique '" + name + "' needs a fieldName");
        isInputHyperUnique = Boolean.TRUE.equals(isInputHyperUnique);
        round = Boolean.TRUE.equals(round);
    }

    public HyperUniquesAggregatorFactory(String name, String fieldName) {
        this(name, fieldName, false, false);
    }

    @Override
    public List<String> requiredFields() {
        return List.of(fieldName);
    }

    @Override
    public MetricColumn newMetricColumn() {
        if (isInputHyperUnique) {
            return new CollectorMetricColumn((event, collector) -> {
                HyperLogLogCollector input = toCollector(event.get(fieldName));
                if (input != null) {
                    collector.fold(input);
                }
            });
        }
        HllHashing hashing = new HllHashing();
        return new CollectorMetricColumn((event, collector) -> addValues(event, hashing, collector));
    }

    /** Druid hashes each value's text (a list's elements one by one, a null element as "null"). */
    private void addValues(InputRow event, HllHashing hashing, HyperLogLogCollector collector) {
        Object raw = event.get(fieldName);
        if (raw instanceof List<?> list) {
            for (Object value : list) {
                hashing.addUtf8(String.valueOf(value), collector);
            }
        } else if (raw != null) {
            hashing.addUtf8(String.valueOf(raw), collector);
        }
    }

    @Override
    public GroupAggregator newGroupAggregator(QueryableIndex index) {
        Column column = index.column(fieldName);
        if (column != null && !(column instanceof ComplexColumn)) {
            throw new InvalidQueryException("Using aggregator [hyperUnique] is not supported for complex columns with type ["
                    + column.type().druidName() + "].");
        }
        if (column instanceof CollectorColumn collectors) {
            return new CollectorGroupAggregator() {
                @Override
                void aggregate(HyperLogLogCollector collector, int row) {
                    collectors.foldInto(row, collector);
                }
            };
        }
        ComplexColumn collectors = (ComplexColumn) column;
        return new CollectorGroupAggregator() {
            @Override
            void aggregate(HyperLogLogCollector collector, int row) {
                if (collectors != null && collectors.getObject(row) instanceof HyperLogLogCollector input) {
                    collector.fold(input);
                }
            }
        };
    }

    @Override
    public AggregatorFactory combining() {
        return new HyperUniquesAggregatorFactory(name, name, false, round);
    }

    @Override
    public Object combine(Object lhs, Object rhs) {
        return combineCollectors(lhs, rhs);
    }

    /** Folds two collectors into a new one, leaving both as they were. */
    static Object combineCollectors(Object lhs, Object rhs) {
        if (lhs == null) {
            return rhs;
        }
        if (rhs == null) {
            return lhs;
        }
        return ((HyperLogLogCollector) lhs).copy().fold((HyperLogLogCollector) rhs);
    }

    @Override
    public Object emptyValue() {
        return new HyperLogLogCollector();
    }

    @Override
    public Object deserialize(Object serialized) {
        return toCollector(serialized);
    }

    /** A collector from what JSON or an input field holds: base64 text or bytes. */
    static HyperLogLogCollector toCollector(Object value) {
        if (value == null || value instanceof HyperLogLogCollector) {
            return (HyperLogLogCollector) value;
        }
        if (value instanceof byte[] bytes) {
            return HyperLogLogCollector.fromBytes(bytes);
        }
        if (value instanceof String text) {
            return HyperLogLogCollector.fromBytes(Base64.getDecoder().decode(text));
        }
        throw new IllegalArgumentException("not a HyperLogLog collector: " + value.getClass().getSimpleName());
    }

    @Override
    public Object finalizeValue(Object intermediate) {
        return estimate(intermediate, round);
    }

    /** Druid's finalized estimate: a Double, or a Long when rounded; 0 for no collector. */
    static Object estimate(Object collector, boolean round) {
        double estimate = collector == null ? 0 : ((HyperLogLogCollector) collector).estimateCardinality();
        return round ? (Object) Math.round(estimate) : (Object) estimate;
    }

    @Override
    public ColumnType intermediateType() {
        return ColumnType.COMPLEX;
    }

    @Override
    public String complexTypeName() {
        return "hyperUnique";
    }

    @Override
    public ColumnType finalType() {
        return round ? ColumnType.LONG : ColumnType.DOUBLE;
    }

    @Override
    public Comparator<Object> comparator() {
        return byEstimate();
    }

    static Comparator<Object> byEstimate() {
        return Comparator.nullsFirst(Comparator.comparingDouble(c -> ((HyperLogLogCollector) c).estimateCardinality()));
    }
}
