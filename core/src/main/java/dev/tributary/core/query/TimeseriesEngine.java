package dev.tributary.core.query;

import dev.tributary.core.aggregation.Aggregator;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.index.Cursor;
import dev.tributary.core.index.CursorFactory;
import dev.tributary.core.time.DateTimes;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a timeseries query the way Druid does: buckets cover the part of each query interval that
 * overlaps the data (empty buckets there are zero-filled unless {@code skipEmptyBuckets}); with
 * granularity {@code all} the single bucket is stamped with the earliest such instant.
 */
final class TimeseriesEngine {
    private TimeseriesEngine() {
    }

    static List<Map<String, Object>> run(TimeseriesQuery query, List<? extends CursorFactory> pieces) {
        List<AggregatorFactory> aggregations = query.aggregations();
        Granularity granularity = query.granularity();
        TreeMap<Long, Object[]> buckets = new TreeMap<>();
        TreeMap<Long, Boolean> nonEmpty = new TreeMap<>();
        long allTimestamp = Long.MAX_VALUE;
        for (CursorFactory piece : pieces) {
            Interval data = piece.dataInterval();
            if (data == null) {
                continue;
            }
            for (Interval interval : query.intervals().intervals()) {
                if (!interval.overlaps(data)) {
                    continue;
                }
                Interval clipped = new Interval(Math.max(interval.start(), data.start()), Math.min(interval.end(), data.end()));
                allTimestamp = Math.min(allTimestamp, clipped.start());
                if (granularity != Granularity.ALL) {
                    for (long b = granularity.bucketStart(clipped.start()); b < clipped.end(); b = granularity.next(b)) {
                        buckets.computeIfAbsent(b, k -> new Object[aggregations.size()]);
                    }
                }
                aggregate(piece, clipped, query, buckets, nonEmpty);
            }
        }
        if (granularity == Granularity.ALL && allTimestamp != Long.MAX_VALUE) {
            Object[] all = new Object[aggregations.size()];
            for (Object[] partial : buckets.values()) {
                combineInto(aggregations, all, partial);
            }
            buckets.clear();
            buckets.put(allTimestamp, all);
            nonEmpty.put(allTimestamp, !nonEmpty.isEmpty());
        }
        boolean skipEmpty = query.contextFlag("skipEmptyBuckets");
        List<Map<String, Object>> results = new ArrayList<>(buckets.size());
        var ordered = query.descending() ? buckets.descendingMap() : buckets;
        for (Map.Entry<Long, Object[]> bucket : ordered.entrySet()) {
            if (skipEmpty && !nonEmpty.getOrDefault(bucket.getKey(), false)) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < aggregations.size(); i++) {
                Object value = bucket.getValue()[i];
                values.put(aggregations.get(i).name(), value == null ? emptyValue(aggregations.get(i)) : value);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("timestamp", DateTimes.print(bucket.getKey()));
            row.put("result", values);
            results.add(row);
            if (query.limit() != null && results.size() >= query.limit()) {
                break;
            }
        }
        return results;
    }

    private static void aggregate(CursorFactory piece, Interval interval, TimeseriesQuery query,
            TreeMap<Long, Object[]> buckets, TreeMap<Long, Boolean> nonEmpty) {
        List<AggregatorFactory> aggregations = query.aggregations();
        Granularity granularity = query.granularity();
        Map<Long, Aggregator[]> partials = new TreeMap<>();
        try (Cursor cursor = piece.cursor(interval)) {
            while (cursor.advance()) {
                long bucket = granularity == Granularity.ALL ? 0L : granularity.bucketStart(cursor.time());
                Aggregator[] aggregators = partials.get(bucket);
                if (aggregators == null) {
                    aggregators = new Aggregator[aggregations.size()];
                    for (int i = 0; i < aggregators.length; i++) {
                        aggregators[i] = aggregations.get(i).factorize(cursor.columns());
                    }
                    partials.put(bucket, aggregators);
                }
                for (Aggregator aggregator : aggregators) {
                    aggregator.aggregate();
                }
            }
        }
        for (Map.Entry<Long, Aggregator[]> partial : partials.entrySet()) {
            Object[] values = new Object[aggregations.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = partial.getValue()[i].get();
            }
            combineInto(aggregations, buckets.computeIfAbsent(partial.getKey(), k -> new Object[aggregations.size()]), values);
            nonEmpty.put(partial.getKey(), true);
        }
    }

    private static void combineInto(List<AggregatorFactory> aggregations, Object[] target, Object[] values) {
        for (int i = 0; i < target.length; i++) {
            target[i] = aggregations.get(i).combine(target[i], values[i]);
        }
    }

    /** What an aggregator reports over no rows: its value when it aggregated nothing. */
    private static Object emptyValue(AggregatorFactory factory) {
        return factory.factorize(column -> dev.tributary.core.aggregation.ColumnValueSelector.NIL).get();
    }
}
