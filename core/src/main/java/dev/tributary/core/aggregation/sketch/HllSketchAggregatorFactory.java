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
import dev.tributary.core.spec.SpecFieldException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Druid's DataSketches HLL aggregators ({@code HLLSketchBuild}, {@code HLLSketchMerge}). The
 * intermediate value is an {@link HllSketch}; the final value its estimate, a Double (a Long with
 * {@code round}), or the sketch itself when {@code shouldFinalize} is false.
 *
 * <p>Values go into sketches as Druid puts them: longs as longs, floats and doubles as doubles,
 * strings as UTF-16 chars ({@code stringEncoding} {@code utf16le}, the default) or UTF-8 bytes
 * ({@code utf8}), a list's elements one by one; null and empty strings are skipped. A column of
 * sketches is merged (union with {@code lgK}, result in {@code tgtHllType}), any other column built
 * from its values. The two types differ at ingest: Build sketches the field's values, Merge expects
 * the field to hold serialized sketches.
 */
public abstract sealed class HllSketchAggregatorFactory implements AggregatorFactory
        permits HllSketchBuildAggregatorFactory, HllSketchMergeAggregatorFactory {
    static final int DEFAULT_LG_K = 12;

    private final String name;
    private final String fieldName;
    private final int lgK;
    private final TgtHllType tgtHllType;
    private final boolean utf8;
    private final boolean shouldFinalize;
    private final boolean round;

    HllSketchAggregatorFactory(String type, String name, String fieldName, Integer lgK, String tgtHllType,
            String stringEncoding, Boolean shouldFinalize, Boolean round) {
        require(name != null && !name.isBlank(), "name", "an aggregator needs a name");
        require(fieldName != null && !fieldName.isBlank(), "fieldName", type + " '" + name + "' needs a fieldName");
        this.lgK = lgK == null ? DEFAULT_LG_K : lgK;
        require(this.lgK >= 4 && this.lgK <= 21, "lgK", "must be between 4 and 21, got " + this.lgK);
        this.tgtHllType = parseType(tgtHllType);
        this.utf8 = parseEncoding(stringEncoding);
        this.name = name;
        this.fieldName = fieldName;
        this.shouldFinalize = shouldFinalize == null || shouldFinalize;
        this.round = round != null && round;
    }

    private static TgtHllType parseType(String type) {
        if (type == null) {
            return TgtHllType.HLL_4;
        }
        try {
            return TgtHllType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SpecFieldException("tgtHllType", "must be HLL_4, HLL_6 or HLL_8, got '" + type + "'");
        }
    }

    private static boolean parseEncoding(String encoding) {
        if (encoding == null || encoding.equalsIgnoreCase("utf16le")) {
            return false;
        }
        require(encoding.equalsIgnoreCase("utf8"), "stringEncoding", "must be utf16le or utf8, got '" + encoding + "'");
        return true;
    }

    /** Whether ingestion reads the field as serialized sketches (Merge) rather than as values (Build). */
    abstract boolean ingestsSketches();

    @Override
    @JsonProperty("name")
    public String name() {
        return name;
    }

    @JsonProperty("fieldName")
    public String fieldName() {
        return fieldName;
    }

    @JsonProperty("lgK")
    public int lgK() {
        return lgK;
    }

    @JsonProperty("tgtHllType")
    public String tgtHllType() {
        return tgtHllType.name();
    }

    @JsonProperty("stringEncoding")
    public String stringEncoding() {
        return utf8 ? "utf8" : "utf16le";
    }

    @JsonProperty("shouldFinalize")
    public boolean shouldFinalize() {
        return shouldFinalize;
    }

    @JsonProperty("round")
    public boolean round() {
        return round;
    }

    @Override
    public List<String> requiredFields() {
        return List.of(fieldName);
    }

    @Override
    public MetricColumn newMetricColumn() {
        if (ingestsSketches()) {
            return new SketchMetricColumn<Union>(fieldName, complexTypeName(), 256) {
                @Override
                Union create() {
                    return new Union(lgK);
                }

                @Override
                Union update(Union union, Object raw) {
                    HllSketch sketch = SketchBytes.readOrNull(raw, HllSketchAggregatorFactory::toSketch);
                    if (sketch != null) {
                        union.update(sketch);
                    }
                    return union;
                }

                @Override
                Object read(Union union) {
                    return union.getResult(tgtHllType);
                }
            };
        }
        return new SketchMetricColumn<HllSketch>(fieldName, complexTypeName(), 128) {
            @Override
            HllSketch create() {
                return new HllSketch(lgK, tgtHllType);
            }

            @Override
            HllSketch update(HllSketch sketch, Object raw) {
                updateWithValue(sketch, raw);
                return sketch;
            }
        };
    }

    /** Druid's update rules for one raw value. */
    private void updateWithValue(HllSketch sketch, Object value) {
        if (value instanceof Long || value instanceof Integer) {
            sketch.update(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            sketch.update(((Number) value).doubleValue());
        } else if (value instanceof String s) {
            updateWithString(sketch, s);
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element != null) {
                    updateWithString(sketch, element.toString());
                }
            }
        } else if (value != null) {
            updateWithString(sketch, value.toString());
        }
    }

    private void updateWithString(HllSketch sketch, String s) {
        if (utf8) {
            sketch.update(s.getBytes(StandardCharsets.UTF_8));
        } else {
            sketch.update(s.toCharArray());
        }
    }

    @Override
    public GroupAggregator newGroupAggregator(QueryableIndex index) {
        Column column = index.column(fieldName);
        if (column instanceof ComplexColumn sketches) {
            return new SketchGroupAggregator<Union>() {
                @Override
                Union create() {
                    return new Union(lgK);
                }

                @Override
                void aggregate(Union union, int row) {
                    if (sketches.getObject(row) instanceof HllSketch sketch) {
                        union.update(sketch);
                    }
                }

                @Override
                Object result(Union union) {
                    return union.getResult(tgtHllType);
                }
            };
        }
        if (column instanceof StringColumn strings) {
            return buildFromStrings(strings);
        }
        if (column instanceof NumericColumn numbers) {
            boolean longs = numbers.type() == ColumnType.LONG;
            return new Build() {
                @Override
                void aggregate(HllSketch sketch, int row) {
                    if (!numbers.isNull(row)) {
                        if (longs) {
                            sketch.update(numbers.getLong(row));
                        } else {
                            sketch.update(numbers.getDouble(row));
                        }
                    }
                }
            };
        }
        return new Build() {
            @Override
            void aggregate(HllSketch sketch, int row) {
            }
        };
    }

    private GroupAggregator buildFromStrings(StringColumn strings) {
        if (utf8) {
            DictionaryValues<byte[]> values = DictionaryValues.utf8(strings);
            return new Build() {
                @Override
                void aggregate(HllSketch sketch, int row) {
                    int count = strings.valueCount(row);
                    for (int i = 0; i < count; i++) {
                        byte[] value = values.get(count == 1 ? strings.getId(row) : strings.getId(row, i));
                        if (value != null) {
                            sketch.update(value);
                        }
                    }
                }
            };
        }
        DictionaryValues<char[]> values = DictionaryValues.chars(strings);
        return new Build() {
            @Override
            void aggregate(HllSketch sketch, int row) {
                int count = strings.valueCount(row);
                for (int i = 0; i < count; i++) {
                    char[] value = values.get(count == 1 ? strings.getId(row) : strings.getId(row, i));
                    if (value != null) {
                        sketch.update(value);
                    }
                }
            }
        };
    }

    /** Builds one sketch per slot from a column's values. */
    private abstract class Build extends SketchGroupAggregator<HllSketch> {
        @Override
        HllSketch create() {
            return new HllSketch(lgK, tgtHllType);
        }

        @Override
        Object result(HllSketch sketch) {
            return sketch;
        }
    }

    @Override
    public AggregatorFactory combining() {
        return new HllSketchMergeAggregatorFactory(name, name, lgK, tgtHllType.name(), stringEncoding(),
                shouldFinalize, round);
    }

    @Override
    public Object combine(Object lhs, Object rhs) {
        if (lhs == null) {
            return rhs;
        }
        if (rhs == null) {
            return lhs;
        }
        Union union = new Union(lgK);
        union.update((HllSketch) lhs);
        union.update((HllSketch) rhs);
        return union.getResult(tgtHllType);
    }

    @Override
    public Object emptyValue() {
        return new HllSketch(lgK, tgtHllType);
    }

    @Override
    public Object deserialize(Object serialized) {
        return serialized instanceof HllSketch ? serialized : toSketch(serialized);
    }

    /** A sketch from its serialized form (base64 text or bytes); null for null. */
    static HllSketch toSketch(Object value) {
        if (value == null || value instanceof HllSketch) {
            return (HllSketch) value;
        }
        byte[] bytes = SketchBytes.bytes(value);
        if (bytes == null) {
            throw new IllegalArgumentException("not an HLL sketch: " + value.getClass().getSimpleName());
        }
        return HllSketch.heapify(bytes);
    }

    @Override
    public Object finalizeValue(Object intermediate) {
        if (!shouldFinalize || intermediate == null) {
            return intermediate;
        }
        double estimate = ((HllSketch) intermediate).getEstimate();
        if (round) {
            return Math.round(estimate);
        }
        return estimate;
    }

    @Override
    public ColumnType intermediateType() {
        return ColumnType.COMPLEX;
    }

    @Override
    public ColumnType finalType() {
        if (!shouldFinalize) {
            return ColumnType.COMPLEX;
        }
        return round ? ColumnType.LONG : ColumnType.DOUBLE;
    }

    @Override
    public Comparator<Object> comparator() {
        return Comparator.nullsFirst(Comparator.comparingDouble(s -> ((HllSketch) s).getEstimate()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HllSketchAggregatorFactory other && other.getClass() == getClass()
                && name.equals(other.name) && fieldName.equals(other.fieldName) && lgK == other.lgK
                && tgtHllType == other.tgtHllType && utf8 == other.utf8
                && shouldFinalize == other.shouldFinalize && round == other.round;
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), name, fieldName, lgK, tgtHllType, utf8, shouldFinalize, round);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{name=" + name + ", fieldName=" + fieldName + ", lgK=" + lgK
                + ", tgtHllType=" + tgtHllType + ", stringEncoding=" + stringEncoding()
                + ", shouldFinalize=" + shouldFinalize + ", round=" + round + "}";
    }
}
