package dev.tributary.core.aggregation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.tributary.core.aggregation.hyperloglog.CardinalityAggregatorFactory;
import dev.tributary.core.aggregation.hyperloglog.HyperUniquesAggregatorFactory;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.index.QueryableIndex;
import java.util.Comparator;
import java.util.List;

/**
 * One entry of a spec's {@code metricsSpec} or a query's {@code aggregations}, in Druid's JSON form.
 * At ingest it folds input fields of events into a metric column ({@link #newMetricColumn}); at query
 * time it folds columns of index rows into groups ({@link #newGroupAggregator}), so a {@code count}
 * at query time counts rows, as in Druid.
 *
 * <p>Values pass through three forms: the <em>intermediate</em> value a group holds (a Long, a Double,
 * a sketch), combined across pieces of a dataSource with {@link #combine}, and the <em>final</em>
 * value a client sees ({@link #finalizeValue}: a sketch becomes its estimate). Factories are
 * immutable and thread-safe; what they create is used by one thread.
 *
 * <p>The DataSketches types ({@code HLLSketchBuild}, {@code thetaSketch}, ...) are registered by
 * {@link dev.tributary.core.aggregation.sketch.SketchJsonModule}, as Druid's extension registers them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CountAggregatorFactory.class, name = "count"),
    @JsonSubTypes.Type(value = LongSumAggregatorFactory.class, name = "longSum"),
    @JsonSubTypes.Type(value = DoubleSumAggregatorFactory.class, name = "doubleSum"),
    @JsonSubTypes.Type(value = FloatSumAggregatorFactory.class, name = "floatSum"),
    @JsonSubTypes.Type(value = LongMinAggregatorFactory.class, name = "longMin"),
    @JsonSubTypes.Type(value = LongMaxAggregatorFactory.class, name = "longMax"),
    @JsonSubTypes.Type(value = DoubleMinAggregatorFactory.class, name = "doubleMin"),
    @JsonSubTypes.Type(value = DoubleMaxAggregatorFactory.class, name = "doubleMax"),
    @JsonSubTypes.Type(value = FloatMinAggregatorFactory.class, name = "floatMin"),
    @JsonSubTypes.Type(value = FloatMaxAggregatorFactory.class, name = "floatMax"),
    @JsonSubTypes.Type(value = LongFirstAggregatorFactory.class, name = "longFirst"),
    @JsonSubTypes.Type(value = LongLastAggregatorFactory.class, name = "longLast"),
    @JsonSubTypes.Type(value = DoubleFirstAggregatorFactory.class, name = "doubleFirst"),
    @JsonSubTypes.Type(value = DoubleLastAggregatorFactory.class, name = "doubleLast"),
    @JsonSubTypes.Type(value = FloatFirstAggregatorFactory.class, name = "floatFirst"),
    @JsonSubTypes.Type(value = FloatLastAggregatorFactory.class, name = "floatLast"),
    @JsonSubTypes.Type(value = StringFirstAggregatorFactory.class, name = "stringFirst"),
    @JsonSubTypes.Type(value = StringLastAggregatorFactory.class, name = "stringLast"),
    @JsonSubTypes.Type(value = HyperUniquesAggregatorFactory.class, name = "hyperUnique"),
    @JsonSubTypes.Type(value = CardinalityAggregatorFactory.class, name = "cardinality"),
    @JsonSubTypes.Type(value = FilteredAggregatorFactory.class, name = "filtered"),
})
public interface AggregatorFactory {
    /** The output column (metric) name. */
    String name();

    /** The input fields (at ingest) or columns (at query time) this reads; empty for {@code count}. */
    List<String> requiredFields();

    /** Ingest-time storage and aggregation of this metric in a live index. */
    MetricColumn newMetricColumn();

    /** Query-time aggregation over the rows of {@code index}. */
    GroupAggregator newGroupAggregator(QueryableIndex index);

    /**
     * The factory that combines values this one produced, reading them from the column
     * {@link #name()}: how a query re-aggregates a metric that was rolled up at ingest.
     */
    AggregatorFactory combining();

    /** Combines two intermediate values; either may be null, meaning "nothing aggregated". */
    Object combine(Object lhs, Object rhs);

    /** The intermediate value when nothing was aggregated: 0 for count, null for most others. */
    default Object emptyValue() {
        return null;
    }

    /**
     * An intermediate value read back from JSON (another server's partial result) in this factory's
     * intermediate form: a JSON integer becomes a Long for a long aggregator, base64 text becomes a
     * sketch, and so on. Null stays null.
     */
    default Object deserialize(Object serialized) {
        return serialized;
    }

    /** The value a client sees for an intermediate value (identity unless overridden). */
    default Object finalizeValue(Object intermediate) {
        return intermediate;
    }

    /** The type of intermediate values, as stored in a metric column. */
    ColumnType intermediateType();

    /** For {@link ColumnType#COMPLEX} intermediates, Druid's type name ({@code thetaSketch}, ...). */
    default String complexTypeName() {
        return null;
    }

    /** The type of finalized values. */
    default ColumnType finalType() {
        return intermediateType();
    }

    /** Orders intermediate values (nulls first), for topN metric ordering and groupBy limits. */
    default Comparator<Object> comparator() {
        return Comparator.nullsFirst((a, b) -> Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue()));
    }
}
