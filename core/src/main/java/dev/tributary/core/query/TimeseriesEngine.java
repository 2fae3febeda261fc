package dev.tributary.core.query;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.GroupAggregator;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.filter.RowMatcher;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a timeseries query the way Druid does: buckets cover the part of each (condensed) query
 * interval that overlaps each piece's data (empty buckets there are zero-filled unless
 * {@code skipEmptyBuckets}); with granularity {@code all} the single bucket is stamped with the
 * earliest such instant. Context {@code grandTotal} appends the returned buckets combined.
 */
final class TimeseriesEngine {
    private TimeseriesEngine() {
    }

    /** Intermediate values of one bucket, combined across pieces, and whether any row fell in it. */
    static final class Bucket {
        final Object[] values;
        boolean nonEmpty;

        Bucket(int aggregators) {
            values = new Object[aggregators];
        }
    }

    static List<Map<String, Object>> run(TimeseriesQuery query, List<? extends QueryableIndex> pieces, RunningQuery running) {
        List<AggregatorFactory> aggregations = query.aggregations();
        boolean all = query.granularity() == Granularity.ALL;
        TreeMap<Long, Bucket> buckets = new TreeMap<>();
        long allTimestamp = Long.MAX_VALUE;
        for (QueryableIndex piece : pieces) {
            for (Interval clipped : TimeRanges.of(query.intervals(), piece).intervals()) {
                allTimestamp = Math.min(allTimestamp, clipped.start());
                aggregate(query, piece, clipped, buckets, running);
            }
        }
        if (all && allTimestamp != Long.MAX_VALUE) {
            Bucket merged = buckets.isEmpty() ? new Bucket(aggregations.size()) : buckets.firstEntry().getValue();
            buckets.clear();
            buckets.put(allTimestamp, merged);
        }
        return results(query, buckets);
    }

    /**
     * The result rows of the combined buckets, keyed by their start (with granularity {@code all}, the
     * one bucket by its stamp): empty ones skipped with {@code skipEmptyBuckets}, in the query's order,
     * up to its limit, then the grand total when asked for; values in the form the context asks for.
     */
    static List<Map<String, Object>> results(TimeseriesQuery query, TreeMap<Long, Bucket> buckets) {
        List<AggregatorFactory> aggregations = query.aggregations();
        ResultForm form = ResultForm.of(query);
        boolean skipEmpty = query.contextFlag("skipEmptyBuckets");
        Map<String, AggregatorFactory> byName = ResultRows.byName(aggregations);
        List<Map<String, Object>> results = new ArrayList<>(buckets.size());
        Object[] total = new Object[aggregations.size()];
        var ordered = query.descending() ? buckets.descendingMap() : buckets;
        for (Map.Entry<Long, Bucket> bucket : ordered.entrySet()) {
            if (skipEmpty && !bucket.getValue().nonEmpty) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("timestamp", Queries.timestamp(bucket.getKey(), query.granularity()));
            row.put("result", ResultRows.finish(bucket.getValue().values, aggregations, query.postAggregations(), byName, form));
            results.add(row);
            for (int i = 0; i < total.length; i++) {
                total[i] = aggregations.get(i).combine(total[i], bucket.getValue().values[i]);
            }
            if (query.limit() != null && results.size() >= query.limit()) {
                break;
            }
        }
        if (query.contextFlag("grandTotal") && !results.isEmpty()) {
            // Druid's grand total row: the returned buckets combined, with a null timestamp
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("timestamp", null);
            row.put("result", ResultRows.finish(total, aggregations, query.postAggregations(), byName, form));
            results.add(row);
        }
        return results;
    }

    private static void aggregate(TimeseriesQuery query, QueryableIndex piece, Interval clipped,
            TreeMap<Long, Bucket> buckets, RunningQuery running) {
        List<AggregatorFactory> aggregations = query.aggregations();
        Buckets slots = Buckets.over(query.granularity(), clipped);
        GroupAggregator[] aggregators = new GroupAggregator[aggregations.size()];
        for (int i = 0; i < aggregators.length; i++) {
            aggregators[i] = aggregations.get(i).newGroupAggregator(piece);
            aggregators[i].ensureCapacity(slots.size());
        }
        boolean[] nonEmpty = new boolean[slots.size()];
        RowMatcher matcher = query.filter() == null ? RowMatcher.ALL : query.filter().makeMatcher(piece);
        NumericColumn time = piece.time();
        long from = clipped.start();
        long to = clipped.end();
        if (piece.sortedByTime() && query.filter() == null) {
            piece.scan((start, end) -> {
                running.check();
                aggregateRuns(time, start, end, from, to, slots, nonEmpty, aggregators);
            });
            combine(query, slots, nonEmpty, aggregators, buckets);
            return;
        }
        int[][] keyed = {new int[0]};
        piece.scan((start, end) -> {
            running.check();
            if (keyed[0].length < end - start) {
                keyed[0] = new int[end - start];
            }
            aggregateBlock(time, matcher, start, end, from, to, slots, nonEmpty, aggregators, keyed[0]);
        });
        combine(query, slots, nonEmpty, aggregators, buckets);
    }

    /**
     * Rows in any order, or filtered: each row of the block gets its slot (-1 when its time is outside
     * the interval or the filter rejects it), then every aggregator folds the block at once, as one
     * range when all its rows share a slot (a live index's block of one hour, or granularity all).
     */
    private static void aggregateBlock(NumericColumn time, RowMatcher matcher, int start, int end, long from, long to,
            Buckets slots, boolean[] nonEmpty, GroupAggregator[] aggregators, int[] keyed) {
        int first = -1;
        boolean uniform = true;
        for (int row = start; row < end; row++) {
            long t = time.getLong(row);
            int slot = t < from || t >= to || !matcher.matches(row) ? -1 : slots.slot(t);
            keyed[row - start] = slot;
            if (row == start) {
                first = slot;
            } else if (slot != first) {
                uniform = false;
            }
            if (slot >= 0) {
                nonEmpty[slot] = true;
            }
        }
        for (GroupAggregator aggregator : aggregators) {
            if (!uniform) {
                aggregator.aggregateBatch(keyed, start, end);
            } else if (first >= 0) {
                aggregator.aggregateRange(first, start, end);
            }
        }
    }

    /**
     * Rows sorted by time, no filter: each bucket's rows are one run, found by binary search, and
     * every aggregator folds the run at once.
     */
    private static void aggregateRuns(NumericColumn time, int start, int end, long from, long to, Buckets slots,
            boolean[] nonEmpty, GroupAggregator[] aggregators) {
        if (start >= end) {
            return;
        }
        long first = time.getLong(start);
        long last = time.getLong(end - 1);
        if (first >= from && last < to) {
            int slot = slots.slot(first);
            if (slot == slots.slot(last)) {
                // the common case: the whole block is one run
                nonEmpty[slot] = true;
                for (GroupAggregator aggregator : aggregators) {
                    aggregator.aggregateRange(slot, start, end);
                }
                return;
            }
        }
        int row = first >= from ? start : firstAtOrAfter(time, start, end, from);
        int stop = last < to ? end : firstAtOrAfter(time, row, end, to);
        while (row < stop) {
            int slot = slots.slot(time.getLong(row));
            long bucketEnd = slot + 1 < slots.size() ? slots.start(slot + 1) : to;
            int runEnd = firstAtOrAfter(time, row, stop, bucketEnd);
            nonEmpty[slot] = true;
            for (GroupAggregator aggregator : aggregators) {
                aggregator.aggregateRange(slot, row, runEnd);
            }
            row = runEnd;
        }
    }

    /** The first row of {@code [low, high)} whose time is at least {@code value}; rows sorted by time. */
    private static int firstAtOrAfter(NumericColumn time, int low, int high, long value) {
        int lo = low;
        int hi = high;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time.getLong(mid) < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void combine(TimeseriesQuery query, Buckets slots, boolean[] nonEmpty, GroupAggregator[] aggregators,
            TreeMap<Long, Bucket> buckets) {
        List<AggregatorFactory> aggregations = query.aggregations();
        boolean all = query.granularity() == Granularity.ALL;
        for (int slot = 0; slot < slots.size(); slot++) {
            Bucket bucket = buckets.computeIfAbsent(all ? Long.MIN_VALUE : slots.start(slot), k -> new Bucket(aggregations.size()));
            bucket.nonEmpty |= nonEmpty[slot];
            if (!nonEmpty[slot]) {
                continue;
            }
            for (int i = 0; i < aggregators.length; i++) {
                bucket.values[i] = aggregations.get(i).combine(bucket.values[i], aggregators[i].get(slot));
            }
        }
    }
}
