package dev.tributary.core.aggregation.sketch;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.postagg.PostAggregator;
import java.util.Map;
import java.util.Set;
import org.apache.datasketches.theta.Sketch;

/**
 * Druid's {@code thetaSketchEstimate}: the estimate of a theta sketch (a Double), or the estimate
 * with its bounds when {@code errorBoundsStdDev} is set.
 */
public record ThetaSketchEstimatePostAggregator(
        @JsonProperty("name") String name,
        @JsonProperty("field") PostAggregator field,
        @JsonProperty("errorBoundsStdDev") Integer errorBoundsStdDev) implements PostAggregator {
    public ThetaSketchEstimatePostAggregator {
        require(name != null && !name.isBlank(), "name", "a post-aggregator needs a name");
        require(field != null, "field", "thetaSketchEstimate '" + name + "' needs a field");
        require(errorBoundsStdDev == null || (errorBoundsStdDev >= 1 && errorBoundsStdDev <= 3), "errorBoundsStdDev",
                "must be 1, 2 or 3");
    }

    @Override
    public Set<String> dependentFields() {
        return field.dependentFields();
    }

    @Override
    public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        Sketch sketch = SketchPostAggregators.sketch("thetaSketchEstimate", name, field, Sketch.class, "theta", values, aggregators);
        if (errorBoundsStdDev != null) {
            return SketchEstimateWithErrorBounds.of(sketch, errorBoundsStdDev);
        }
        return sketch.getEstimate();
    }
}
