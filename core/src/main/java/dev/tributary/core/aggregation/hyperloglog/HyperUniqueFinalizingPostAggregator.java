package dev.tributary.core.aggregation.hyperloglog;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.postagg.PostAggregator;
import java.util.Map;
import java.util.Set;

/**
 * Druid's {@code hyperUniqueCardinality}: the estimate of the collector named {@code fieldName}, as
 * its aggregator finalizes it (so {@code round} applies), or unrounded when no aggregator made it.
 */
public record HyperUniqueFinalizingPostAggregator(
        @JsonProperty("name") String name,
        @JsonProperty("fieldName") String fieldName) implements PostAggregator {
    public HyperUniqueFinalizingPostAggregator {
        require(fieldName != null && !fieldName.isBlank(), "fieldName", "hyperUniqueCardinality needs a fieldName");
        name = name == null ? fieldName : name;
    }

    @Override
    public Set<String> dependentFields() {
        return Set.of(fieldName);
    }

    @Override
    public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        Object collector = values.get(fieldName);
        AggregatorFactory aggregator = aggregators.get(fieldName);
        if (aggregator != null) {
            return collector == null ? null : aggregator.finalizeValue(collector);
        }
        return HyperUniquesAggregatorFactory.estimate(HyperUniquesAggregatorFactory.toCollector(collector), false);
    }
}
