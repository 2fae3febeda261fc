package dev.tributary.core.query;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.tributary.core.time.Interval;
import java.util.Comparator;
import java.util.List;

/**
 * A query's {@code intervals}: a list of ISO intervals, a single one, or Druid's
 * {@code {"type": "intervals", "intervals": [...]}}. Held sorted by start.
 */
public record QueryIntervals(List<Interval> intervals) {
    public QueryIntervals {
        require(intervals != null && !intervals.isEmpty(), "intervals", "a query needs at least one interval");
        intervals = intervals.stream().sorted(Comparator.comparingLong(Interval::start)).toList();
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static QueryIntervals fromJson(Object json) {
        if (json instanceof String s) {
            return new QueryIntervals(List.of(Interval.parse(s)));
        }
        if (json instanceof List<?> list) {
            return new QueryIntervals(list.stream().map(o -> Interval.parse(String.valueOf(o))).toList());
        }
        if (json instanceof java.util.Map<?, ?> map && map.get("intervals") != null) {
            return fromJson(map.get("intervals"));
        }
        throw new IllegalArgumentException("intervals must be a list of ISO-8601 intervals, not " + json);
    }

    /** Every instant: the default of queries whose intervals are optional. */
    public static final QueryIntervals ETERNITY = new QueryIntervals(List.of(Interval.ETERNITY));

    /**
     * The intervals with overlapping and abutting ones merged, as Druid condenses them: what engines
     * scan, so that an instant is never counted twice.
     */
    public List<Interval> condensed() {
        List<Interval> merged = new java.util.ArrayList<>();
        for (Interval next : intervals) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && next.start() <= last.end()) {
                merged.set(merged.size() - 1, new Interval(last.start(), Math.max(last.end(), next.end())));
            } else {
                merged.add(next);
            }
        }
        return merged;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    List<Interval> json() {
        return intervals;
    }
}
