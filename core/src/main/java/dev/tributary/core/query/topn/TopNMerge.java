package dev.tributary.core.query.topn;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.Values;
import dev.tributary.core.query.PartialRows;
import dev.tributary.core.query.dimension.OutputValues;
import dev.tributary.core.query.grouping.MergedGroups;
import dev.tributary.core.query.postagg.PostAggregator;
import dev.tributary.core.time.Granularity;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A topN query spread across data servers. Each server ranks its own groups and returns the first
 * {@code max(threshold, minTopNThreshold)} with partial values; the merge combines the groups of
 * each bucket by dimension value, ranks them again and keeps {@code threshold}, as {@link TopNEngine}
 * does over all pieces at once.
 *
 * <p>As in Druid, the answer is exact when no server has more distinct values in a bucket than the
 * raised threshold (or when ranking by dimension value, where a server's first values always include
 * its share of the overall first ones); otherwise a value cut on one server may lose part of its total.
 */
public final class TopNMerge {
    /** Druid's context key for the least threshold a data server ranks to. */
    public static final String MIN_TOPN_THRESHOLD = "minTopNThreshold";
    /** Druid's default {@code minTopNThreshold}. */
    public static final int DEFAULT_MIN_TOPN_THRESHOLD = 1000;

    private TopNMerge() {
    }

    /**
     * What each data server runs for {@code query}: the raised threshold, and post-aggregations only
     * when the ranking needs them (they are computed again after the merge).
     */
    public static TopNQuery forDataServers(TopNQuery query) {
        String metric = query.metric().metric();
        boolean byPostAggregation = metric != null && query.aggregations().stream().noneMatch(a -> a.name().equals(metric));
        List<PostAggregator> postAggregations = byPostAggregation ? query.postAggregations() : List.of();
        int threshold = Math.max(query.threshold(), minTopNThreshold(query));
        return new TopNQuery(query.dataSource(), query.intervals(), query.granularity(), query.filter(),
                query.dimension(), query.metric(), threshold, query.aggregations(), postAggregations,
                query.virtualColumns(), PartialRows.context(query.context()));
    }

    /** The answer to {@code query} from the data servers' partial results (JSON as Jackson reads it). */
    public static List<Map<String, Object>> merge(TopNQuery query, List<List<?>> partials) {
        List<AggregatorFactory> aggregations = query.aggregations();
        boolean all = query.granularity() == Granularity.ALL;
        String dimension = query.dimension().outputName();
        MergedGroups merged = new MergedGroups(aggregations);
        TreeSet<Long> bucketTimes = new TreeSet<>();
        long allTime = Long.MAX_VALUE;
        for (List<?> partial : partials) {
            for (Map<String, Object> bucket : PartialRows.rows(partial)) {
                long time = PartialRows.time(bucket.get("timestamp"));
                allTime = Math.min(allTime, time);
                if (!all) {
                    bucketTimes.add(time);
                }
                for (Object entry : PartialRows.array(bucket.get("result"))) {
                    Map<String, Object> row = PartialRows.object(entry);
                    Object value = OutputValues.convert(row.get(dimension), query.dimension().outputType());
                    merged.add(all ? Long.MIN_VALUE : time, new Object[] {value}, PartialRows.intermediates(row, aggregations));
                }
            }
        }
        if (all && allTime != Long.MAX_VALUE) {
            bucketTimes.add(allTime);
        }
        return TopNEngine.results(query, merged, bucketTimes, allTime);
    }

    /** The context's {@code minTopNThreshold} (a number or its text), else Druid's default. */
    static int minTopNThreshold(TopNQuery query) {
        Object value = query.context().get(MIN_TOPN_THRESHOLD);
        Long parsed = value == null ? null : Values.toLong(value);
        return parsed == null ? DEFAULT_MIN_TOPN_THRESHOLD : (int) Math.min(Integer.MAX_VALUE, Math.max(1, parsed));
    }
}
