package dev.tributary.core.aggregation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One entry of a spec's {@code metricsSpec} or a query's {@code aggregations}, in Druid's JSON form.
 * At ingest it reads input fields of events; at query time it reads columns of index rows (so a
 * {@code count} at query time counts rows, as in Druid).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CountAggregatorFactory.class, name = "count"),
    @JsonSubTypes.Type(value = LongSumAggregatorFactory.class, name = "longSum"),
    @JsonSubTypes.Type(value = DoubleSumAggregatorFactory.class, name = "doubleSum"),
})
public interface AggregatorFactory {
    /** The output column (metric) name. */
    String name();

    /** The input fields or columns this reads; empty for {@code count}. */
    List<String> requiredFields();

    /** A new aggregator reading the rows that {@code columns} exposes. */
    Aggregator factorize(ColumnSelectorFactory columns);

    /**
     * The aggregator that combines values this one produced, reading them from the column
     * {@link #name()}: how a query aggregates a metric that was rolled up at ingest.
     */
    AggregatorFactory combining();

    /**
     * Combines two results of this aggregator (from two pieces of a dataSource) into one; either may
     * be null, meaning "nothing aggregated".
     */
    Object combine(Object lhs, Object rhs);
}
