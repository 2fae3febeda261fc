package dev.tributary.core.query.postagg;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Druid's {@code longLeast}: the least of its fields as a Long (each field's {@code longValue()}), skipping nulls; null when every field is null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LongLeastPostAggregator(
        @JsonProperty("name") String name,
        @JsonProperty("fields") List<PostAggregator> fields) implements PostAggregator {

    public LongLeastPostAggregator {
        fields = PostAggregators.fields(fields, 1, "longLeast", name);
    }

    @Override
    public Set<String> dependentFields() {
        return PostAggregators.dependentFields(fields);
    }

    @Override
    public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        return Extremes.longs(fields, false, values, aggregators, "longLeast", name);
    }
}
