package dev.tributary.core.query.postagg;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import java.util.Map;
import java.util.Set;

/**
 * Druid's {@code constant}: always {@code value}, as written: {@code 10} stays an integer (a Long here)
 * and {@code 10.0} a Double, so it renders the way it was given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConstantPostAggregator(
        @JsonProperty("name") String name,
        @JsonProperty("value") Number value) implements PostAggregator {

    public ConstantPostAggregator {
        require(value != null, "value", "constant '" + name + "' needs a numeric value");
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            value = value.longValue();
        }
    }

    @Override
    public Set<String> dependentFields() {
        return Set.of();
    }

    @Override
    public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        return value;
    }
}
