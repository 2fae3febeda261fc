package dev.tributary.core.query.postagg;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Druid's {@code doubleGreatest}: the greatest of its fields as a Double, skipping nulls; null when every field is null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DoubleGreatestPostAggregator(
        @JsonProperty("name") String name,
        @JsonProperty("fields") List<PostAggregator> fields) implements PostAggregator {

    public DoubleGreatestPostAggregator {
        fields = PostAggregators.fields(fields, 1, "doubleGreatest", name);
    }

    @Override
    public Set<String> dependentFields() {
        return PostAggregators.dependentFields(fields);
    }

    @Override
    public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        return Extremes.doubles(fields, true, values, aggregators, "doubleGreatest", name);
    }
}
