package dev.tributary.core.aggregation.sketch;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.GroupAggregator;
import dev.tributary.core.aggregation.MetricColumn;
import dev.tributary.core.aggregation.Values;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.Columns;
import dev.tributary.core.column.ComplexColumn;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.index.QueryableIndex;
import java.util.Comparator;
import java.util.List;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantiles.DoublesSketch;
import org.apache.datasketches.quantiles.DoublesUnion;
import org.apache.datasketches.quantiles.UpdateDoublesSketch;

/**
 * Druid's {@code quantilesDoublesSketch}: a DataSketches quantiles sketch of a numeric field with
 * parameter {@code k} (a power of 2 from 2 to 32768, default 128). The intermediate value is a
 * {@link DoublesSketch}, merged by union; the final value is the number of values it has seen, a
 * Long, as Druid finalizes it (or the sketch when {@code shouldFinalize} is false). Null and
 * non-numeric values are skipped; a column of sketches (or an ingested field of serialized
 * sketches) is merged.
 */
public record DoublesSketchAggregatorFactory(
        @JsonProperty("name") String name,
        @JsonProperty("fieldName") String fieldName,
        @JsonProperty("k") Integer k,
        @JsonProperty("maxStreamLength") Long maxStreamLength,
        @JsonProperty("shouldFinalize") Boolean shouldFinalize) implements AggregatorFactory {
    static final int DEFAULT_K = 128;

    public DoublesSketchAggregatorFactory {
        require(name != null && !name.isBlank(), "name", "an aggregator needs a name");
        require(fieldName != null && !fieldName.isBlank(), "fieldName",
                "quantilesDoublesSketch '" + name + "' needs a fieldName");
        k = k == null ? DEFAULT_K : k;
        require(k >= 2 && k <= 32768 && Integer.bitCount(k) == 1, "k", "must be a power of 2 from 2 to 32768, got " + k);
        maxStreamLength = maxStreamLength == null ? 1_000_000_000L : maxStreamLength;
        shouldFinalize = shouldFinalize == null || shouldFinalize;
    }

    public DoublesSketchAggregatorFactory(String name, String fieldName) {
        this(name, fieldName, null, null, null);
    }

    @Override
    public List<String> requiredFields() {
        return List.of(fieldName);
    }

    private UpdateDoublesSketch newSketch() {
        return DoublesSketch.builder().setK(k).build();
    }

    private DoublesUnion newUnion() {
        return DoublesUnion.builder().setMaxK(k).build();
    }

    @Override
    public MetricColumn newMetricColumn() {
        return new SketchMetricColumn<UpdateDoublesSketch>(fieldName, "quantilesDoublesSketch", 256) {
            @Override
            UpdateDoublesSketch create() {
                return newSketch();
            }

            @Override
            UpdateDoublesSketch update(UpdateDoublesSketch sketch, Object raw) {
                Double value = raw instanceof List ? null : Values.toDouble(raw);
                if (value != null) {
                    sketch.update(value);
                    return sketch;
                }
                DoublesSketch input = SketchBytes.readOrNull(raw, DoublesSketchAggregatorFactory::toSketch);
                if (input == null) {
                    return sketch;
                }
                DoublesUnion union = newUnion();
                union.union(sketch);
                union.union(input);
                return union.getResult();
            }
        };
    }

    @Override
    public GroupAggregator newGroupAggregator(QueryableIndex index) {
        Column column = index.column(fieldName);
        if (column instanceof ComplexColumn sketches) {
            return new SketchGroupAggregator<DoublesUnion>() {
                @Override
                DoublesUnion create() {
                    return newUnion();
                }

                @Override
                void aggregate(DoublesUnion union, int row) {
                    if (sketches.getObject(row) instanceof DoublesSketch sketch) {
                        union.union(sketch);
                    }
                }

                @Override
                Object result(DoublesUnion union) {
                    return union.getResult();
                }
            };
        }
        NumericColumn numbers = Columns.numeric(index, fieldName);
        return new SketchGroupAggregator<UpdateDoublesSketch>() {
            @Override
            UpdateDoublesSketch create() {
                return newSketch();
            }

            @Override
            void aggregate(UpdateDoublesSketch sketch, int row) {
                if (!numbers.isNull(row)) {
                    sketch.update(numbers.getDouble(row));
                }
            }

            @Override
            Object result(UpdateDoublesSketch sketch) {
                return sketch;
            }
        };
    }

    @Override
    public AggregatorFactory combining() {
        return new DoublesSketchAggregatorFactory(name, name, k, maxStreamLength, shouldFinalize);
    }

    @Override
    public Object combine(Object lhs, Object rhs) {
        if (lhs == null) {
            return rhs;
        }
        if (rhs == null) {
            return lhs;
        }
        DoublesUnion union = newUnion();
        union.union((DoublesSketch) lhs);
        union.union((DoublesSketch) rhs);
        return union.getResultAndReset();
    }

    @Override
    public Object emptyValue() {
        return newSketch();
    }

    @Override
    public Object deserialize(Object serialized) {
        return toSketch(serialized);
    }

    /** A sketch from its serialized form (base64 text or bytes); null for null. */
    static DoublesSketch toSketch(Object value) {
        if (value == null || value instanceof DoublesSketch) {
            return (DoublesSketch) value;
        }
        byte[] bytes = SketchBytes.bytes(value);
        if (bytes == null) {
            throw new IllegalArgumentException("not a quantiles sketch: " + value.getClass().getSimpleName());
        }
        return DoublesSketch.heapify(Memory.wrap(bytes));
    }

    @Override
    public Object finalizeValue(Object intermediate) {
        if (!shouldFinalize || intermediate == null) {
            return intermediate;
        }
        return ((DoublesSketch) intermediate).getN();
    }

    @Override
    public ColumnType intermediateType() {
        return ColumnType.COMPLEX;
    }

    @Override
    public String complexTypeName() {
        return "quantilesDoublesSketch";
    }

    @Override
    public ColumnType finalType() {
        return shouldFinalize ? ColumnType.LONG : ColumnType.COMPLEX;
    }

    @Override
    public Comparator<Object> comparator() {
        return Comparator.nullsFirst(Comparator.comparingLong(s -> ((DoublesSketch) s).getN()));
    }
}
