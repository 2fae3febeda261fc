package dev.tributary.core.aggregation.sketch;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.postagg.PostAggregator;
import java.util.Map;
import java.util.Set;
import org.apache.datasketches.quantiles.DoublesSketch;

/** Druid's {@code quantilesDoublesSketchToRank}: the fraction of values at or below {@code value}; NaN for an empty sketch. */
public record DoublesSketchToRankPostAggregator(
        @JsonProperty("name") String name,
        @JsonProperty("field") PostAggregator field,
        @JsonProperty("value") Double value) implements PostAggregator {
    public DoublesSketchToRankPostAggregator {
        require(name != null && !name.isBlank(), "name", "a post-aggregator needs a name");
        require(field != null, "field", "quantilesDoublesSketchToRank '" + name + "' needs a field");
        require(value != null, "value", "quantilesDoublesSketchToRank '" + name + "' needs a value");
    }

    @Override
    public Set<String> dependentFields() {
        return field.dependentFields();
    }

    @Override
    public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        DoublesSketch sketch = SketchPostAggregators.sketch("quantilesDoublesSketchToRank", name, field, DoublesSketch.class, "quantiles", values, aggregators);
        return sketch.isEmpty() ? Double.NaN : sketch.getRank(value);
    }
}
