package dev.tributary.core.query;

import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.time.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a query's intervals that overlap one piece's data: what an engine scans in that piece.
 * Sorted and disjoint; empty when the piece has no rows in the intervals.
 */
public final class TimeRanges {
    private final List<Interval> ranges;
    private final long[] starts;
    private final long[] ends;
    private final boolean coversData;

    private TimeRanges(List<Interval> ranges, boolean coversData) {
        this.ranges = List.copyOf(ranges);
        this.starts = ranges.stream().mapToLong(Interval::start).toArray();
        this.ends = ranges.stream().mapToLong(Interval::end).toArray();
        this.coversData = coversData;
    }

    /** The query intervals clipped to the piece's data interval. */
    public static TimeRanges of(QueryIntervals intervals, QueryableIndex piece) {
        Interval data = piece.dataInterval();
        if (data == null) {
            return new TimeRanges(List.of(), false);
        }
        List<Interval> clipped = new ArrayList<>();
        boolean covers = false;
        for (Interval interval : intervals.condensed()) {
            if (interval.overlaps(data)) {
                clipped.add(new Interval(Math.max(interval.start(), data.start()), Math.min(interval.end(), data.end())));
                covers |= interval.start() <= data.start() && interval.end() >= data.end();
            }
        }
        return new TimeRanges(clipped, covers);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public List<Interval> intervals() {
        return ranges;
    }

    /** From the first range's start to the last one's end. */
    public Interval span() {
        return new Interval(starts[0], ends[ends.length - 1]);
    }

    /** True when every row of the piece lies in the ranges, so rows need no time check. */
    public boolean coversAllRows() {
        return coversData;
    }

    public boolean contains(long time) {
        if (starts.length == 1) {
            return time >= starts[0] && time < ends[0];
        }
        for (int i = 0; i < starts.length; i++) {
            if (time < starts[i]) {
                return false;
            }
            if (time < ends[i]) {
                return true;
            }
        }
        return false;
    }
}
