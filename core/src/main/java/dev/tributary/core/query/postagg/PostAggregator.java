package dev.tributary.core.query.postagg;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.tributary.core.aggregation.AggregatorFactory;
import java.util.Map;
import java.util.Set;

/**
 * A Druid post-aggregation, chosen by its {@code type}: computed per result row after aggregation,
 * from the row's aggregator values (intermediate form, as Druid passes them: a sketch is still a
 * sketch) and the outputs of the post-aggregations listed before it. Immutable and thread-safe.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
})
public interface PostAggregator {
    /** The output name. */
    String name();

    /** The names of the values this reads. */
    Set<String> dependentFields();

    /**
     * Computes this post-aggregation for one result row.
     *
     * @param values the row's values by name: aggregator intermediates and earlier post-aggregation outputs
     * @param aggregators the query's aggregators by name, for finalizing ({@code finalizingFieldAccess})
     */
    Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators);
}
