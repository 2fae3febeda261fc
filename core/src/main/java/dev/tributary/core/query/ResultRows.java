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
        return finishInto(new LinkedHashMap<>(), intermediates, aggregators, postAggregations, aggregatorsByName);
    }

    /**
     * {@link #finish} into {@code row}, which may already hold the row's dimension values (groupBy and
     * topN rows do, and their post-aggregations may read them).
     */
    public static Map<String, Object> finishInto(Map<String, Object> row, Object[] intermediates,
            List<AggregatorFactory> aggregators, List<PostAggregator> postAggregations,
            Map<String, AggregatorFactory> aggregatorsByName) {
        for (int i = 0; i < aggregators.size(); i++) {
            AggregatorFactory aggregator = aggregators.get(i);
            Object value = intermediates[i] == null ? aggregator.emptyValue() : intermediates[i];
            row.put(aggregator.name(), value);
        }
        for (PostAggregator post : postAggregations) {
            row.put(post.name(), post.compute(row, aggregatorsByName));
        }
        for (AggregatorFactory aggregator : aggregators) {
            Object value = row.get(aggregator.name());
            row.put(aggregator.name(), value == null ? null : aggregator.finalizeValue(value));
        }
        return row;
    }
}
