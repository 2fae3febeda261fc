package dev.tributary.core.spec;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.List;
import java.util.Set;

/**
 * Druid's {@code granularitySpec}: the width of a segment, the time precision rows are rolled up to,
 * and whether rows with equal time and dimensions are rolled up at all.
 *
 * @param segmentGranularity one sink per bucket of this width (default {@code day})
 * @param queryGranularity event times are truncated to this before rollup (default {@code none})
 * @param rollup merge rows with equal truncated time and dimensions (default true)
 * @param intervals if set, events outside every interval are thrown away
 */
public record GranularitySpec(
        @JsonProperty("type") String type,
        @JsonProperty("segmentGranularity") Granularity segmentGranularity,
        @JsonProperty("queryGranularity") Granularity queryGranularity,
        @JsonProperty("rollup") Boolean rollup,
        @JsonProperty("intervals") List<Interval> intervals) {

    public GranularitySpec {
        type = type == null ? "uniform" : type;
        require(Set.of("uniform", "arbitrary").contains(type), "type", "'" + type + "' is not uniform or arbitrary");
        segmentGranularity = segmentGranularity == null ? Granularity.DAY : segmentGranularity;
        queryGranularity = queryGranularity == null ? Granularity.NONE : queryGranularity;
        rollup = rollup == null ? Boolean.TRUE : rollup;
        intervals = intervals == null ? List.of() : List.copyOf(intervals);
        require(segmentGranularity != Granularity.ALL && segmentGranularity != Granularity.NONE,
                "segmentGranularity", "'" + segmentGranularity.jsonName() + "' cannot bound a segment; use hour, day, ...");
    }

    public static GranularitySpec defaults() {
        return new GranularitySpec(null, null, null, null, null);
    }
}
