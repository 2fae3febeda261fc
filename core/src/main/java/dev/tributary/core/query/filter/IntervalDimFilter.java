package dev.tributary.core.query.filter;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.time.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Druid's {@code interval}: the column, read as epoch milliseconds, lies in any of the ISO-8601
 * {@code intervals} ({@code start <= t < end}). It is the OR of numeric {@link BoundDimFilter bounds},
 * one per interval, and answers exactly as they do on every column type; on a long column such as
 * {@code __time} it tests the value against the merged intervals directly. {@code extractionFn} is
 * refused.
 */
public final class IntervalDimFilter implements DimFilter {
    private final String dimension;
    private final List<Interval> intervals;
    private final ColumnPredicates predicates;

    @JsonCreator
    public IntervalDimFilter(
            @JsonProperty("dimension") String dimension,
            @JsonProperty("intervals") List<Interval> intervals,
            @JsonProperty("extractionFn") Object extractionFn) {
        require(dimension != null && !dimension.isEmpty(), "dimension", "an interval filter needs a dimension");
        require(intervals != null && !intervals.isEmpty() && !intervals.contains(null), "intervals",
                "an interval filter needs a list of ISO-8601 intervals");
        require(extractionFn == null, "extractionFn", "extraction functions are not supported");
        this.dimension = dimension;
        this.intervals = List.copyOf(intervals);
        List<ColumnPredicates> bounds = new ArrayList<>();
        for (Interval interval : this.intervals) {
            bounds.add(BoundDimFilter.numeric(dimension, interval.start(), interval.end()).columnPredicates());
        }
        ColumnPredicates union = ColumnPredicates.anyOf(bounds);
        this.predicates = new ColumnPredicates(union.strings(), new Within(this.intervals), union.floats(),
                union.doubles());
    }

    /** Membership in the union of intervals, by binary search over them merged and sorted. */
    private static final class Within implements LongValuePredicate {
        private final long[] starts;
        private final long[] ends;

        Within(List<Interval> intervals) {
            List<Interval> sorted = intervals.stream().filter(i -> i.end() > i.start())
                    .sorted(Comparator.comparingLong(Interval::start)).toList();
            List<long[]> merged = new ArrayList<>();
            for (Interval interval : sorted) {
                long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && interval.start() <= last[1]) {
                    last[1] = Math.max(last[1], interval.end());
                } else {
                    merged.add(new long[] {interval.start(), interval.end()});
                }
            }
            starts = merged.stream().mapToLong(range -> range[0]).toArray();
            ends = merged.stream().mapToLong(range -> range[1]).toArray();
        }

        @Override
        public Truth test(long value) {
            int at = Arrays.binarySearch(starts, value);
            int candidate = at >= 0 ? at : -at - 2;
            return Truth.of(candidate >= 0 && value < ends[candidate]);
        }
    }

    @JsonProperty("dimension")
    public String dimension() {
        return dimension;
    }

    @JsonProperty("intervals")
    public List<Interval> intervals() {
        return intervals;
    }

    @Override
    public RowMatcher makeMatcher(QueryableIndex index) {
        return PredicateMatchers.of(index, dimension, predicates);
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(dimension);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalDimFilter other && dimension.equals(other.dimension)
                && intervals.equals(other.intervals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dimension, intervals);
    }

    @Override
    public String toString() {
        return dimension + " in " + intervals;
    }
}
