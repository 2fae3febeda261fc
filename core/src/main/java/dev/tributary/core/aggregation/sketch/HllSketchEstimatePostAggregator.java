package dev.tributary.core.aggregation.sketch;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.postagg.PostAggregator;
import java.util.Map;
import java.util.Set;
import org.apache.datasketches.hll.HllSketch;

/** Druid's {@code HLLSketchEstimate}: the estimate of an HLL sketch, a Double (a Long with {@code round}). */
public record HllSketchEstimatePostAggregator(
        @JsonProperty("name") String name,
        @JsonProperty("field") PostAggregator field,
        @JsonProperty("round") Boolean round) implements PostAggregator {
    public HllSketchEstimatePostAggregator {
        require(name != null && !name.isBlank(), "name", "a post-aggregator needs a name");
        require(field != null, "field", "HLLSketchEstimate '" + name + "' needs a field");
        round = Boolean.TRUE.equals(round);
    }

    @Override
    public Set<String> dependentFields() {
        return field.dependentFields();
    }

    @Override
    public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        double estimate = SketchPostAggregators.sketch("HLLSketchEstimate", name, field, HllSketch.class, "HLL", values, aggregators).getEstimate();
        if (round) {
            return Math.round(estimate);
        }
        return estimate;
    }
}
