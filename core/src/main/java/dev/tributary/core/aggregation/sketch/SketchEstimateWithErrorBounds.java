package dev.tributary.core.aggregation.sketch;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.datasketches.theta.Sketch;

/** A theta sketch's estimate with its bounds at {@code numStdDev} standard deviations, as Druid reports it. */
public record SketchEstimateWithErrorBounds(
        @JsonProperty("estimate") double estimate,
        @JsonProperty("highBound") double highBound,
        @JsonProperty("lowBound") double lowBound,
        @JsonProperty("numStdDev") int numStdDev) {

    static SketchEstimateWithErrorBounds of(Sketch sketch, int numStdDev) {
        return new SketchEstimateWithErrorBounds(sketch.getEstimate(), sketch.getUpperBound(numStdDev),
                sketch.getLowerBound(numStdDev), numStdDev);
    }
}
