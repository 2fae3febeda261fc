package dev.tributary.core.query.metadata;

import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.RunningQuery;
import dev.tributary.core.query.TimeRanges;
import dev.tributary.core.query.filter.RowMatcher;
import dev.tributary.core.time.DateTimes;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a timeBoundary query. A piece whose rows all lie in the intervals answers from its data
 * interval without reading rows, when there is no filter; otherwise its rows' times are scanned.
 * Row times are the stored ones, truncated to the piece's query granularity, as Druid reports them.
 */
public final class TimeBoundaryEngine {
    private TimeBoundaryEngine() {
    }

    public static List<Map<String, Object>> run(TimeBoundaryQuery query, List<? extends QueryableIndex> pieces, RunningQuery running) {
        long[] minMax = {Long.MAX_VALUE, Long.MIN_VALUE};
        for (QueryableIndex piece : pieces) {
            TimeRanges ranges = TimeRanges.of(query.intervals(), piece);
            if (ranges.isEmpty()) {
                continue;
            }
            if (query.filter() == null && ranges.coversAllRows()) {
                Interval data = piece.dataInterval();
                minMax[0] = Math.min(minMax[0], data.start());
                minMax[1] = Math.max(minMax[1], lastRowTime(piece.queryGranularity(), data));
                continue;
            }
            NumericColumn time = piece.time();
            RowMatcher matcher = query.filter() == null ? null : query.filter().makeMatcher(piece);
            piece.scan((start, end) -> {
                running.check();
                for (int row = start; row < end; row++) {
                    long t = time.getLong(row);
                    if ((t < minMax[0] || t > minMax[1]) && ranges.contains(t) && (matcher == null || matcher.matches(row))) {
                        minMax[0] = Math.min(minMax[0], t);
                        minMax[1] = Math.max(minMax[1], t);
                    }
                }
            });
        }
        if (minMax[0] == Long.MAX_VALUE) {
            return List.of();
        }
        return result(query, minMax[0], minMax[1]);
    }

    /** The one result row, once some row was found: the bounds the query asks for. */
    static List<Map<String, Object>> result(TimeBoundaryQuery query, long min, long max) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (!TimeBoundaryQuery.MAX_TIME.equals(query.bound())) {
            result.put(TimeBoundaryQuery.MIN_TIME, DateTimes.print(min));
        }
        if (!TimeBoundaryQuery.MIN_TIME.equals(query.bound())) {
            result.put(TimeBoundaryQuery.MAX_TIME, DateTimes.print(max));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("timestamp", DateTimes.print(TimeBoundaryQuery.MAX_TIME.equals(query.bound()) ? max : min));
        row.put("result", result);
        return List.of(row);
    }

    /**
     * The latest row time of a piece: its data interval ends one query-granularity bucket after it
     * (one millisecond for {@code all}), so it is the start of the bucket holding the last instant.
     */
    static long lastRowTime(Granularity granularity, Interval data) {
        return granularity == Granularity.ALL ? data.end() - 1 : granularity.bucketStart(data.end() - 1);
    }
}
