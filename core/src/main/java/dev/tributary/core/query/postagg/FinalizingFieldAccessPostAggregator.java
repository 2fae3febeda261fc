package dev.tributary.core.query.postagg;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import java.util.Map;
import java.util.Set;

/**
 * Druid's {@code finalizingFieldAccess}: the value named {@code fieldName} as its aggregator finalizes
 * it for the client (a sketch becomes its estimate). A value no aggregator made, such as an earlier
 * post-aggregation's output, is returned as it is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FinalizingFieldAccessPostAggregator(
        @JsonProperty("name") String name,
        @JsonProperty("fieldName") String fieldName) implements PostAggregator {

    public FinalizingFieldAccessPostAggregator {
        require(fieldName != null && !fieldName.isBlank(), "fieldName",
                "finalizingFieldAccess '" + name + "' needs a fieldName");
    }

    @Override
    public Set<String> dependentFields() {
        return Set.of(fieldName);
    }

    @Override
    public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        Object value = values.get(fieldName);
        AggregatorFactory aggregator = aggregators.get(fieldName);
        return value == null || aggregator == null ? value : aggregator.finalizeValue(value);
    }
}
