package dev.tributary.core.query.groupby;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.PartialRows;
import dev.tributary.core.query.dimension.DimensionSpec;
import dev.tributary.core.query.dimension.OutputValues;
import dev.tributary.core.query.grouping.MergedGroups;
import java.util.List;
import java.util.Map;

/**
 * A groupBy query spread across data servers. Each server groups its pieces and returns every group
 * with partial values, without post-aggregations, {@code having} or limitSpec, which all need the
 * complete groups; the merge combines groups by (time, dimension values), then orders, post-aggregates,
 * filters and limits them as {@link GroupByEngine} does over all pieces at once. Exact.
 */
public final class GroupByMerge {
    private GroupByMerge() {
    }

    /** What each data server runs for {@code query}. */
    public static GroupByQuery forDataServers(GroupByQuery query) {
        return new GroupByQuery(query.dataSource(), query.intervals(), query.granularity(), query.filter(),
                query.dimensions(), query.aggregations(), List.of(), null, null, query.virtualColumns(),
                query.subtotalsSpec(), PartialRows.context(query.context()));
    }

    /** The answer to {@code query} from the data servers' partial results (JSON as Jackson reads it). */
    public static List<Map<String, Object>> merge(GroupByQuery query, List<List<?>> partials) {
        List<AggregatorFactory> aggregations = query.aggregations();
        List<DimensionSpec> dimensions = query.dimensions();
        MergedGroups merged = new MergedGroups(aggregations);
        for (List<?> partial : partials) {
            for (Map<String, Object> row : PartialRows.rows(partial)) {
                Map<String, Object> event = PartialRows.object(row.get("event"));
                Object[] key = new Object[dimensions.size()];
                for (int d = 0; d < key.length; d++) {
                    key[d] = OutputValues.convert(event.get(dimensions.get(d).outputName()), dimensions.get(d).outputType());
                }
                merged.add(PartialRows.time(row.get("timestamp")), key, PartialRows.intermediates(event, aggregations));
            }
        }
        return GroupByEngine.results(query, merged);
    }
}
