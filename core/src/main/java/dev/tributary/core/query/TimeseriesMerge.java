package dev.tributary.core.query;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.CountAggregatorFactory;
import dev.tributary.core.query.TimeseriesEngine.Bucket;
import dev.tributary.core.time.Granularity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A timeseries query spread across data servers. Each server runs it without post-aggregations or
 * grand total and answers with partial bucket values; the merge combines buckets by start and
 * finishes them as {@link TimeseriesEngine} does over all pieces at once (skip, order, limit, grand
 * total, post-aggregations, finalizing).
 *
 * <p>With granularity {@code all} the one bucket is stamped with the earliest instant of data of
 * every piece in the intervals, empty or not. So that {@code skipEmptyBuckets} cannot hide a server's
 * earlier stamp, servers then keep their empty bucket and count its rows in an added {@code count}
 * aggregator; the merge skips the bucket only when no server counted a row.
 */
public final class TimeseriesMerge {
    private static final String ROWS = "__rows";

    private TimeseriesMerge() {
    }

    /** What each data server runs for {@code query}. */
    public static TimeseriesQuery forDataServers(TimeseriesQuery query) {
        List<AggregatorFactory> aggregations = query.aggregations();
        Map<String, Object> context;
        if (countsRows(query)) {
            aggregations = new ArrayList<>(aggregations);
            aggregations.add(new CountAggregatorFactory(rowsName(query)));
            context = PartialRows.context(query.context(), "grandTotal", "skipEmptyBuckets");
        } else {
            context = PartialRows.context(query.context(), "grandTotal");
        }
        return new TimeseriesQuery(query.dataSource(), query.intervals(), query.granularity(), query.filter(),
                aggregations, List.of(), query.virtualColumns(), query.descending(), query.limit(), context);
    }

    /** The answer to {@code query} from the data servers' partial results (JSON as Jackson reads it). */
    public static List<Map<String, Object>> merge(TimeseriesQuery query, List<List<?>> partials) {
        List<AggregatorFactory> aggregations = query.aggregations();
        boolean all = query.granularity() == Granularity.ALL;
        boolean countsRows = countsRows(query);
        String rows = rowsName(query);
        TreeMap<Long, Bucket> buckets = new TreeMap<>();
        long allTime = Long.MAX_VALUE;
        for (List<?> partial : partials) {
            for (Map<String, Object> row : PartialRows.rows(partial)) {
                long time = PartialRows.time(row.get("timestamp"));
                Map<String, Object> result = PartialRows.object(row.get("result"));
                allTime = Math.min(allTime, time);
                Bucket bucket = buckets.computeIfAbsent(all ? Long.MIN_VALUE : time, t -> new Bucket(aggregations.size()));
                // servers skip their own empty buckets but for granularity all, where their row count
                // says (null: the bucket had no row to count)
                bucket.nonEmpty |= !countsRows || (result.get(rows) != null && PartialRows.whole(result.get(rows)) > 0);
                PartialRows.combine(bucket.values, PartialRows.intermediates(result, aggregations), aggregations);
            }
        }
        if (all && !buckets.isEmpty()) {
            buckets.put(allTime, buckets.remove(Long.MIN_VALUE));
        }
        return TimeseriesEngine.results(query, buckets);
    }

    private static boolean countsRows(TimeseriesQuery query) {
        return query.granularity() == Granularity.ALL && query.contextFlag("skipEmptyBuckets");
    }

    /** A name for the added row count that no output of the query has. */
    private static String rowsName(TimeseriesQuery query) {
        String name = ROWS;
        for (int n = 1; Queries.isMetric(name, query.aggregations(), query.postAggregations()); n++) {
            name = ROWS + n;
        }
        return name;
    }
}
