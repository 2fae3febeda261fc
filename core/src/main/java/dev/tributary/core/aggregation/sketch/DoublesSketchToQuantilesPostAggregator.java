package dev.tributary.core.aggregation.sketch;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.postagg.PostAggregator;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.apache.datasketches.quantiles.DoublesSketch;

/** Druid's {@code quantilesDoublesSketchToQuantiles}: the values at each of {@code fractions}; NaNs for an empty sketch. */
public record DoublesSketchToQuantilesPostAggregator(
        @JsonProperty("name") String name,
        @JsonProperty("field") PostAggregator field,
        @JsonProperty("fractions") double[] fractions) implements PostAggregator {
    public DoublesSketchToQuantilesPostAggregator {
        require(name != null && !name.isBlank(), "name", "a post-aggregator needs a name");
        require(field != null, "field", "quantilesDoublesSketchToQuantiles '" + name + "' needs a field");
        require(fractions != null && fractions.length > 0, "fractions", "needs at least one fraction");
        fractions = fractions.clone();
        for (double f : fractions) {
            require(f >= 0 && f <= 1, "fractions", "must be between 0 and 1");
        }
    }

    @Override
    public Set<String> dependentFields() {
        return field.dependentFields();
    }

    @Override
    public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        DoublesSketch sketch = SketchPostAggregators.sketch("quantilesDoublesSketchToQuantiles", name, field, DoublesSketch.class, "quantiles", values, aggregators);
        if (sketch.isEmpty()) {
            double[] nans = new double[fractions.length];
            Arrays.fill(nans, Double.NaN);
            return nans;
        }
        return sketch.getQuantiles(fractions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DoublesSketchToQuantilesPostAggregator other && name.equals(other.name)
                && field.equals(other.field) && Arrays.equals(fractions, other.fractions);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + field.hashCode()) + Arrays.hashCode(fractions);
    }

    @Override
    public String toString() {
        return "DoublesSketchToQuantilesPostAggregator[name=" + name + ", field=" + field + ", fractions="
                + Arrays.toString(fractions) + "]";
    }
}
