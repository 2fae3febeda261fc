package dev.tributary.core.aggregation.sketch;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.postagg.PostAggregator;
import java.util.Map;
import java.util.Set;
import org.apache.datasketches.hll.HllSketch;

/**
 * Druid's {@code HLLSketchEstimateWithBounds}: {@code [estimate, lower bound, upper bound]} of an HLL
 * sketch at {@code numStdDev} standard deviations (1, 2 or 3; default 1).
 */
public record HllSketchEstimateWithBoundsPostAggregator(
        @JsonProperty("name") String name,
        @JsonProperty("field") PostAggregator field,
        @JsonProperty("numStdDev") Integer numStdDev) implements PostAggregator {
    public HllSketchEstimateWithBoundsPostAggregator {
        require(name != null && !name.isBlank(), "name", "a post-aggregator needs a name");
        require(field != null, "field", "HLLSketchEstimateWithBounds '" + name + "' needs a field");
        numStdDev = numStdDev == null ? 1 : numStdDev;
        require(numStdDev >= 1 && numStdDev <= 3, "numStdDev", "must be 1, 2 or 3");
    }

    @Override
    public Set<String> dependentFields() {
        return field.dependentFields();
    }

    @Override
    public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        HllSketch sketch = SketchPostAggregators.sketch("HLLSketchEstimateWithBounds", name, field, HllSketch.class, "HLL", values, aggregators);
        return new double[] {sketch.getEstimate(), sketch.getLowerBound(numStdDev), sketch.getUpperBound(numStdDev)};
    }
}
