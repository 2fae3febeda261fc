package dev.tributary.core.aggregation.sketch;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.postagg.PostAggregator;
import java.util.Map;
import java.util.Set;
import org.apache.datasketches.quantiles.DoublesSketch;

/** Druid's {@code quantilesDoublesSketchToQuantile}: the value at {@code fraction} (0 to 1); NaN for an empty sketch. */
public record DoublesSketchToQuantilePostAggregator(
        @JsonProperty("name") String name,
        @JsonProperty("field") PostAggregator field,
        @JsonProperty("fraction") Double fraction) implements PostAggregator {
    public DoublesSketchToQuantilePostAggregator {
        require(name != null && !name.isBlank(), "name", "a post-aggregator needs a name");
        require(field != null, "field", "quantilesDoublesSketchToQuantile '" + name + "' needs a field");
        require(fraction != null && fraction >= 0 && fraction <= 1, "fraction", "must be between 0 and 1");
    }

    @Override
    public Set<String> dependentFields() {
        return field.dependentFields();
    }

    @Override
    public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        DoublesSketch sketch = SketchPostAggregators.sketch("quantilesDoublesSketchToQuantile", name, field, DoublesSketch.class, "quantiles", values, aggregators);
        return sketch.isEmpty() ? Double.NaN : sketch.getQuantile(fraction);
    }
}
