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
 * Druid's {@code quantilesDoublesSketchToHistogram}: approximate counts of values per bin, the bins
 * cut at {@code splitPoints} or, without them, {@code numBins} (default 10) equal bins from the
 * sketch's minimum to its maximum. NaNs for an empty sketch. When every value is equal there are
 * no equal bins to cut; all values are counted in the first.
 */
public record DoublesSketchToHistogramPostAggregator(
        @JsonProperty("name") String name,
        @JsonProperty("field") PostAggregator field,
        @JsonProperty("splitPoints") double[] splitPoints,
        @JsonProperty("numBins") Integer numBins) implements PostAggregator {
    static final int DEFAULT_NUM_BINS = 10;

    public DoublesSketchToHistogramPostAggregator {
        require(name != null && !name.isBlank(), "name", "a post-aggregator needs a name");
        require(field != null, "field", "quantilesDoublesSketchToHistogram '" + name + "' needs a field");
        splitPoints = splitPoints == null ? null : splitPoints.clone();
        int bins = splitPoints != null ? splitPoints.length + 1 : numBins != null ? numBins : DEFAULT_NUM_BINS;
        require(bins >= 2, splitPoints != null ? "splitPoints" : "numBins", "at least 2 bins expected");
    }

    private int bins() {
        return splitPoints != null ? splitPoints.length + 1 : numBins != null ? numBins : DEFAULT_NUM_BINS;
    }

    @Override
    public Set<String> dependentFields() {
        return field.dependentFields();
    }

    @Override
    public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        DoublesSketch sketch = SketchPostAggregators.sketch("quantilesDoublesSketchToHistogram", name, field, DoublesSketch.class, "quantiles", values, aggregators);
        int bins = bins();
        double[] histogram = new double[bins];
        if (sketch.isEmpty()) {
            Arrays.fill(histogram, Double.NaN);
            return histogram;
        }
        double min = sketch.getMinItem();
        double max = sketch.getMaxItem();
        if (splitPoints == null && min == max) {
            histogram[0] = sketch.getN();
            return histogram;
        }
        double[] points = splitPoints != null ? splitPoints : equallySpaced(bins, min, max);
        double[] fractions = sketch.getPMF(points);
        for (int i = 0; i < fractions.length; i++) {
            histogram[i] = fractions[i] * sketch.getN();
        }
        return histogram;
    }

    /** The {@code bins - 1} points that cut [min, max] into equal bins. */
    private static double[] equallySpaced(int bins, double min, double max) {
        double[] points = new double[bins - 1];
        double delta = (max - min) / bins;
        for (int i = 0; i < points.length; i++) {
            points[i] = min + delta * (i + 1);
        }
        return points;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DoublesSketchToHistogramPostAggregator other && name.equals(other.name)
                && field.equals(other.field) && Arrays.equals(splitPoints, other.splitPoints)
                && java.util.Objects.equals(numBins, other.numBins);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, field, Arrays.hashCode(splitPoints), numBins);
    }

    @Override
    public String toString() {
        return "DoublesSketchToHistogramPostAggregator[name=" + name + ", field=" + field + ", splitPoints="
                + Arrays.toString(splitPoints) + ", numBins=" + numBins + "]";
    }
}
