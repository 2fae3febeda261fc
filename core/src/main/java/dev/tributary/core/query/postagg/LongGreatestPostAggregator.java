package dev.tributary.core.query.postagg;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Druid's {@code longGreatest}: the greatest of its fields as a Long (each field's {@code longValue()}), skipping nulls; null when every field is null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LongGreatestPostAggregator(
        @JsonProperty("name") String name,
        @JsonProperty("fields") List<PostAggregator> fields) implements PostAggregator {

    public LongGreatestPostAggregator {
        fields = PostAggregators.fields(fields, 1, "longGreatest", name);
    }

    @Override
    public Set<String> dependentFields() {
        return PostAggregators.dependentFields(fields);
    }

    @Override
    public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        return Extremes.longs(fields, true, values, aggregators, "longGreatest", name);
    }
}
