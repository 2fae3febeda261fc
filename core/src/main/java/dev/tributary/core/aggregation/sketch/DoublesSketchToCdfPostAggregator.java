package dev.tributary.core.aggregation.sketch;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.postagg.PostAggregator;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.apache.datasketches.quantiles.DoublesSketch;

/**
 * Druid's {@code quantilesDoublesSketchToCDF}: the fraction of values at or below each of
 * {@code splitPoints}, then 1; NaNs for an empty sketch.
 */
public record DoublesSketchToCdfPostAggregator(
        @JsonProperty("name") String name,
        @JsonProperty("field") PostAggregator field,
        @JsonProperty("splitPoints") double[] splitPoints) implements PostAggregator {
    public DoublesSketchToCdfPostAggregator {
        require(name != null && !name.isBlank(), "name", "a post-aggregator needs a name");
        require(field != null, "field", "quantilesDoublesSketchToCDF '" + name + "' needs a field");
        require(splitPoints != null && splitPoints.length > 0, "splitPoints", "needs at least one split point");
        splitPoints = splitPoints.clone();
    }

    @Override
    public Set<String> dependentFields() {
        return field.dependentFields();
    }

    @Override
    public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        DoublesSketch sketch = SketchPostAggregators.sketch("quantilesDoublesSketchToCDF", name, field, DoublesSketch.class, "quantiles", values, aggregators);
        if (sketch.isEmpty()) {
            double[] nans = new double[splitPoints.length + 1];
            Arrays.fill(nans, Double.NaN);
            return nans;
        }
        return sketch.getCDF(splitPoints);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DoublesSketchToCdfPostAggregator other && name.equals(other.name)
                && field.equals(other.field) && Arrays.equals(splitPoints, other.splitPoints);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + field.hashCode()) + Arrays.hashCode(splitPoints);
    }

    @Override
    public String toString() {
        return "DoublesSketchToCdfPostAggregator[name=" + name + ", field=" + field + ", splitPoints="
                + Arrays.toString(splitPoints) + "]";
    }
}
