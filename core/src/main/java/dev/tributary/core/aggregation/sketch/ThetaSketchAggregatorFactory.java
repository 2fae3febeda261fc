package dev.tributary.core.aggregation.sketch;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.GroupAggregator;
import dev.tributary.core.aggregation.MetricColumn;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.ComplexColumn;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.column.StringColumn;
import dev.tributary.core.index.QueryableIndex;
import java.util.Comparator;
import java.util.List;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.SetOperation;
import org.apache.datasketches.theta.Sketch;
import org.apache.datasketches.theta.Union;
import org.apache.datasketches.theta.UpdateSketch;

/**
 * Druid's {@code thetaSketch}: a DataSketches theta sketch of a field's distinct values, with
 * {@code size} nominal entries (a power of 2, default 16384). The intermediate value is a theta
 * {@link Sketch}, merged by union; the final value is its estimate (a Double), an estimate with
 * error bounds when {@code errorBoundsStdDev} is set, or the sketch when {@code shouldFinalize} is
 * false. Values go in as Druid's theta aggregator puts them: strings as UTF-8 (empty and null
 * skipped), longs as longs, doubles and floats as doubles, a list's elements as strings; a column of
 * sketches (or, with {@code isInputThetaSketch}, an ingested field of serialized sketches) is merged.
 */
public record ThetaSketchAggregatorFactory(
        @JsonProperty("name") String name,
        @JsonProperty("fieldName") String fieldName,
        @JsonProperty("size") Integer size,
        @JsonProperty("shouldFinalize") Boolean shouldFinalize,
        @JsonProperty("isInputThetaSketch") Boolean isInputThetaSketch,
        @JsonProperty("errorBoundsStdDev") Integer errorBoundsStdDev) implements AggregatorFactory {
    static final int DEFAULT_SIZE = 16384;
    private static final CompactSketch EMPTY = UpdateSketch.builder().build().compact();

    public ThetaSketchAggregatorFactory {
        require(name != null && !name.isBlank(), "name", "an aggregator needs a name");
        require(fieldName != null && !fieldName.isBlank(), "fieldName", "thetaSketch '" + name + "' needs a fieldName");
        size = size == null ? DEFAULT_SIZE : size;
        require(size >= 16 && Integer.bitCount(size) == 1, "size", "must be a power of 2 of at least 16, got " + size);
        shouldFinalize = shouldFinalize == null || shouldFinalize;
        isInputThetaSketch = Boolean.TRUE.equals(isInputThetaSketch);
        require(errorBoundsStdDev == null || (errorBoundsStdDev >= 1 && errorBoundsStdDev <= 3), "errorBoundsStdDev",
                "must be 1, 2 or 3");
    }

    public ThetaSketchAggregatorFactory(String name, String fieldName) {
        this(name, fieldName, null, null, null, null);
    }

    @Override
    public List<String> requiredFields() {
        return List.of(fieldName);
    }

    private Union newUnion() {
        return newUnion(size);
    }

    static Union newUnion(int size) {
        return SetOperation.builder().setNominalEntries(size).buildUnion();
    }

    /**
     * A union per row, as Druid keeps at ingest, read as its result: rows then merge exactly as
     * Druid's do (a bare update sketch per row could keep a different theta).
     */
    @Override
    public MetricColumn newMetricColumn() {
        return new SketchMetricColumn<Union>(fieldName, "thetaSketch", 640) {
            @Override
            Union create() {
                return newUnion();
            }

            @Override
            Union update(Union union, Object raw) {
                if (isInputThetaSketch && raw != null && !(raw instanceof List)) {
                    Sketch input = SketchBytes.readOrNull(raw, ThetaSketchAggregatorFactory::toSketch);
                    if (input != null) {
                        union.union(input);
                    }
                } else {
                    updateWithValue(union, raw);
                }
                return union;
            }

            @Override
            Object read(Union union) {
                return union.getResult();
            }
        };
    }

    /** Druid's update rules for one raw value. */
    private static void updateWithValue(Union union, Object value) {
        if (value instanceof String s) {
            union.update(s);
        } else if (value instanceof Long || value instanceof Integer) {
            union.update(((Number) value).longValue());
        } else if (value instanceof Number n) {
            union.update(n.doubleValue());
        } else if (value instanceof Sketch sketch) {
            union.union(sketch);
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element != null) {
                    union.update(element.toString());
                }
            }
        } else if (value != null) {
            union.update(value.toString());
        }
    }

    @Override
    public GroupAggregator newGroupAggregator(QueryableIndex index) {
        Column column = index.column(fieldName);
        if (column instanceof ComplexColumn sketches) {
            return new Unions() {
                @Override
                void aggregate(Union union, int row) {
                    if (sketches.getObject(row) instanceof Sketch sketch) {
                        union.union(sketch);
                    }
                }
            };
        }
        if (column instanceof StringColumn strings) {
            DictionaryValues<byte[]> values = DictionaryValues.utf8(strings);
            return new Unions() {
                @Override
                void aggregate(Union union, int row) {
                    int count = strings.valueCount(row);
                    for (int i = 0; i < count; i++) {
                        byte[] value = values.get(count == 1 ? strings.getId(row) : strings.getId(row, i));
                        if (value != null) {
                            union.update(value); // the same hash as the string's
                        }
                    }
                }
            };
        }
        if (column instanceof NumericColumn numbers) {
            boolean longs = numbers.type() == ColumnType.LONG;
            return new Unions() {
                @Override
                void aggregate(Union union, int row) {
                    if (!numbers.isNull(row)) {
                        if (longs) {
                            union.update(numbers.getLong(row));
                        } else {
                            union.update(numbers.getDouble(row));
                        }
                    }
                }
            };
        }
        return new Unions() {
            @Override
            void aggregate(Union union, int row) {
            }
        };
    }

    private abstract class Unions extends SketchGroupAggregator<Union> {
        @Override
        Union create() {
            return newUnion();
        }

        @Override
        Object result(Union union) {
            return union.getResult();
        }
    }

    @Override
    public AggregatorFactory combining() {
        return new ThetaSketchAggregatorFactory(name, name, size, shouldFinalize, false, errorBoundsStdDev);
    }

    @Override
    public Object combine(Object lhs, Object rhs) {
        if (lhs == null) {
            return rhs;
        }
        if (rhs == null) {
            return lhs;
        }
        Union union = newUnion();
        union.union((Sketch) lhs);
        union.union((Sketch) rhs);
        return union.getResult();
    }

    @Override
    public Object emptyValue() {
        return EMPTY;
    }

    @Override
    public Object deserialize(Object serialized) {
        return toSketch(serialized);
    }

    /** A sketch from its serialized form (base64 text or bytes); null for null. */
    static Sketch toSketch(Object value) {
        if (value == null || value instanceof Sketch) {
            return (Sketch) value;
        }
        byte[] bytes = SketchBytes.bytes(value);
        if (bytes == null) {
            throw new IllegalArgumentException("not a theta sketch: " + value.getClass().getSimpleName());
        }
        return Sketch.heapify(Memory.wrap(bytes));
    }

    @Override
    public Object finalizeValue(Object intermediate) {
        if (!shouldFinalize || intermediate == null) {
            return intermediate;
        }
        Sketch sketch = (Sketch) intermediate;
        if (errorBoundsStdDev != null) {
            return SketchEstimateWithErrorBounds.of(sketch, errorBoundsStdDev);
        }
        return sketch.getEstimate();
    }

    @Override
    public ColumnType intermediateType() {
        return ColumnType.COMPLEX;
    }

    @Override
    public String complexTypeName() {
        return "thetaSketch";
    }

    @Override
    public ColumnType finalType() {
        return shouldFinalize && errorBoundsStdDev == null ? ColumnType.DOUBLE : ColumnType.COMPLEX;
    }

    /** By estimate, then by retained entries, as Druid orders theta sketches. */
    @Override
    public Comparator<Object> comparator() {
        return Comparator.nullsFirst(Comparator.<Object>comparingDouble(s -> ((Sketch) s).getEstimate())
                .thenComparingInt(s -> ((Sketch) s).getRetainedEntries(true)));
    }
}
