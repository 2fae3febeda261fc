package dev.tributary.core.query;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.postagg.PostAggregator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a group's intermediate aggregator values into the values a client sees. */
public final class ResultRows {
    private ResultRows() {
    }

    /** The aggregators by name, for post-aggregations. */
    public static Map<String, AggregatorFactory> byName(List<AggregatorFactory> aggregators) {
        Map<String, AggregatorFactory> byName = new HashMap<>();
        aggregators.forEach(a -> byName.put(a.name(), a));
        return byName;
    }

    /**
     * Computes the post-aggregations over the intermediate values (in order, each seeing those before
     * it), then finalizes the aggregator values: aggregators first, post-aggregations after.
     *
     * @param intermediates aggregator values in the order of {@code aggregators}; null means empty
     */
    public static Map<String, Object> finish(Object[] intermediates, List<AggregatorFactory> aggregators,
            List<PostAggregator> postAggregations, Map<String, AggregatorFactory> aggregatorsByName) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < aggregators.size(); i++) {
            AggregatorFactory aggregator = aggregators.get(i);
            Object value = intermediates[i] == null ? aggregator.emptyValue() : intermediates[i];
            values.put(aggregator.name(), value);
        }
        for (PostAggregator post : postAggregations) {
            values.put(post.name(), post.compute(values, aggregatorsByName));
        }
        for (AggregatorFactory aggregator : aggregators) {
            Object value = values.get(aggregator.name());
            values.put(aggregator.name(), value == null ? null : aggregator.finalizeValue(value));
        }
        return values;
    }
}
