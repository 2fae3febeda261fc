package dev.tributary.core.query.postagg;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import java.util.Map;
import java.util.Set;

/**
 * Druid's {@code fieldAccess}: the value named {@code fieldName} as it is, an aggregator's intermediate
 * value (a sketch stays a sketch) or an earlier post-aggregation's output; null when the row has none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldAccessPostAggregator(
        @JsonProperty("name") String name,
        @JsonProperty("fieldName") String fieldName) implements PostAggregator {

    public FieldAccessPostAggregator {
        require(fieldName != null && !fieldName.isBlank(), "fieldName", "fieldAccess '" + name + "' needs a fieldName");
    }

    @Override
    public Set<String> dependentFields() {
        return Set.of(fieldName);
    }

    @Override
    public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        return values.get(fieldName);
    }
}
