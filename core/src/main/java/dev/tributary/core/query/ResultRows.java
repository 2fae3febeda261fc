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

    /** {@link #finish} in the given form (see {@link #finishInto(Map, Object[], List, List, Map, ResultForm)}). */
    public static Map<String, Object> finish(Object[] intermediates, List<AggregatorFactory> aggregators,
            List<PostAggregator> postAggregations, Map<String, AggregatorFactory> aggregatorsByName, ResultForm form) {
        return finishInto(new LinkedHashMap<>(), intermediates, aggregators, postAggregations, aggregatorsByName, form);
    }

    /**
     * {@link #finish} into {@code row}, which may already hold the row's dimension values (groupBy and
     * topN rows do, and their post-aggregations may read them).
     */
    public static Map<String, Object> finishInto(Map<String, Object> row, Object[] intermediates,
            List<AggregatorFactory> aggregators, List<PostAggregator> postAggregations,
            Map<String, AggregatorFactory> aggregatorsByName) {
        return finishInto(row, intermediates, aggregators, postAggregations, aggregatorsByName, ResultForm.FINAL);
    }

    /**
     * {@link #finishInto} in the given form: {@link ResultForm#INTERMEDIATE} stops before finalizing;
     * {@link ResultForm#PARTIAL} puts the intermediates as they are, nulls included, and computes no
     * post-aggregation.
     */
    public static Map<String, Object> finishInto(Map<String, Object> row, Object[] intermediates,
            List<AggregatorFactory> aggregators, List<PostAggregator> postAggregations,
            Map<String, AggregatorFactory> aggregatorsByName, ResultForm form) {
        if (form == ResultForm.PARTIAL) {
            for (int i = 0; i < aggregators.size(); i++) {
                row.put(aggregators.get(i).name(), intermediates[i]);
            }
            return row;
        }
        for (int i = 0; i < aggregators.size(); i++) {
            AggregatorFactory aggregator = aggregators.get(i);
            Object value = intermediates[i] == null ? aggregator.emptyValue() : intermediates[i];
            row.put(aggregator.name(), value);
        }
        for (PostAggregator post : postAggregations) {
            row.put(post.name(), post.compute(row, aggregatorsByName));
        }
        if (form == ResultForm.INTERMEDIATE) {
            return row;
        }
        for (AggregatorFactory aggregator : aggregators) {
            Object value = row.get(aggregator.name());
            row.put(aggregator.name(), value == null ? null : aggregator.finalizeValue(value));
        }
        return row;
    }
}
