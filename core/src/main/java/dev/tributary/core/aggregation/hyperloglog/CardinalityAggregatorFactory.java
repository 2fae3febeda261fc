package dev.tributary.core.aggregation.hyperloglog;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.GroupAggregator;
import dev.tributary.core.aggregation.MetricColumn;
import dev.tributary.core.aggregation.Values;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.input.InputRow;
import dev.tributary.core.spec.SpecFieldException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Druid's {@code cardinality}: a HyperLogLog estimate of the distinct values of dimensions, hashed
 * as Druid hashes them (see {@link CardinalityField}). By value (the default) it counts the union of
 * every field's non-null values; with {@code byRow} it counts distinct rows, the fields' values
 * hashed together (a row of nulls counts too). {@code fields} are dimension names or Druid's
 * {@code default} dimension specs; {@code round} makes the estimate a Long. The intermediate value is
 * a collector, combined as {@code hyperUnique}'s is.
 */
public record CardinalityAggregatorFactory(
        @JsonProperty("name") String name,
        @JsonProperty("fields") List<Object> fields,
        @JsonProperty("byRow") Boolean byRow,
        @JsonProperty("round") Boolean round) implements AggregatorFactory {
    public CardinalityAggregatorFactory {
        require(name != null && !name.isBlank(), "name", "an aggregator needs a name");
        require(fields != null && !fields.isEmpty(), "fields", "cardinality '" + name + "' needs fields");
        fields = List.copyOf(fields);
        byRow = Boolean.TRUE.equals(byRow);
        round = Boolean.TRUE.equals(round);
        dimensions(fields);
    }

    /** The dimension each field names: a name, or a {@code default} dimension spec's {@code dimension}. */
    public List<String> dimensions() {
        return dimensions(fields);
    }

    private static List<String> dimensions(List<Object> fields) {
        List<String> dimensions = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            Object field = fields.get(i);
            if (field instanceof String s && !s.isBlank()) {
                dimensions.add(s);
            } else if (field instanceof Map<?, ?> spec && spec.get("dimension") instanceof String dimension
                    && (spec.get("type") == null || "default".equals(spec.get("type")))
                    && (spec.get("extractionFn") == null)) {
                dimensions.add(dimension);
            } else {
                throw new SpecFieldException("fields[" + i + "]",
                        "must be a dimension name or a {\"type\": \"default\", \"dimension\": ...} spec");
            }
        }
        return dimensions;
    }

    @Override
    public List<String> requiredFields() {
        return dimensions();
    }

    /** At ingest the fields' raw values are hashed as their text, the way string dimensions would be. */
    @Override
    public MetricColumn newMetricColumn() {
        List<String> dimensions = dimensions();
        HllHashing hashing = new HllHashing();
        return new CollectorMetricColumn((event, collector) -> {
            if (byRow) {
                hashing.clear();
                for (int k = 0; k < dimensions.size(); k++) {
                    if (k > 0) {
                        hashing.putByte(0);
                    }
                    putText(event, dimensions.get(k), hashing);
                }
                hashing.hashRow(collector);
            } else {
                for (String dimension : dimensions) {
                    for (String value : texts(event, dimension)) {
                        if (value != null) {
                            collector.addPacked(hashing.packChars(value));
                        }
                    }
                }
            }
        });
    }

    private static List<String> texts(InputRow event, String field) {
        Object raw = event.get(field);
        List<String> texts = new ArrayList<>();
        if (raw instanceof List<?> list) {
            list.forEach(v -> texts.add(Values.toText(v)));
        } else if (raw != null) {
            texts.add(Values.toText(raw));
        }
        return texts;
    }

    private static void putText(InputRow event, String field, HllHashing hashing) {
        List<String> texts = texts(event, field);
        if (texts.size() == 1) {
            if (texts.get(0) != null) {
                hashing.putChars(texts.get(0));
            }
            return;
        }
        List<String> sorted = new ArrayList<>();
        texts.forEach(t -> sorted.add(t == null ? "" : t));
        sorted.sort(null);
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                hashing.putChars("\u0001");
            }
            hashing.putChars(sorted.get(i));
        }
    }

    @Override
    public GroupAggregator newGroupAggregator(QueryableIndex index) {
        List<String> dimensions = dimensions();
        CardinalityField[] columns = new CardinalityField[dimensions.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = CardinalityField.of(index.column(dimensions.get(i)));
        }
        if (!byRow) {
            return new CollectorGroupAggregator() {
                @Override
                void aggregate(HyperLogLogCollector collector, int row) {
                    for (CardinalityField column : columns) {
                        column.addValues(row, collector);
                    }
                }
            };
        }
        HllHashing hashing = new HllHashing();
        if (columns.length == 1 && CardinalityField.isStrings(columns[0])) {
            CardinalityField only = columns[0];
            return new CollectorGroupAggregator() {
                @Override
                void aggregate(HyperLogLogCollector collector, int row) {
                    collector.addPacked(CardinalityField.packedRow(only, row, hashing));
                }
            };
        }
        return new CollectorGroupAggregator() {
            @Override
            void aggregate(HyperLogLogCollector collector, int row) {
                hashing.clear();
                for (int k = 0; k < columns.length; k++) {
                    if (k > 0) {
                        hashing.putByte(0);
                    }
                    columns[k].putRow(row, hashing);
                }
                hashing.hashRow(collector);
            }
        };
    }

    @Override
    public AggregatorFactory combining() {
        return new HyperUniquesAggregatorFactory(name, name, false, round);
    }

    @Override
    public Object combine(Object lhs, Object rhs) {
        return HyperUniquesAggregatorFactory.combineCollectors(lhs, rhs);
    }

    @Override
    public Object emptyValue() {
        return new HyperLogLogCollector();
    }

    @Override
    public Object deserialize(Object serialized) {
        return HyperUniquesAggregatorFactory.toCollector(serialized);
    }

    @Override
    public Object finalizeValue(Object intermediate) {
        return HyperUniquesAggregatorFactory.estimate(intermediate, round);
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
        return HyperUniquesAggregatorFactory.byEstimate();
    }
}
