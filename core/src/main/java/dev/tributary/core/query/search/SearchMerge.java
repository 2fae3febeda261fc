package dev.tributary.core.query.search;

import dev.tributary.core.query.PartialRows;
import dev.tributary.core.query.search.SearchEngine.Hit;
import dev.tributary.core.time.Granularity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A search query spread across data servers: each server answers it as it is; the merge adds the
 * counts of each (dimension, value) per bucket, then sorts and cuts as {@link SearchEngine} does over
 * all pieces at once. Exact even though servers cut at the limit too: hits are sorted by value and
 * dimension, never by count, so a server's first {@code limit} hits include every one of its hits
 * among the overall first {@code limit}, with its whole count.
 */
public final class SearchMerge {
    private SearchMerge() {
    }

    /** What each data server runs for {@code query}. */
    public static SearchQuery forDataServers(SearchQuery query) {
        return new SearchQuery(query.dataSource(), query.intervals(), query.granularity(), query.filter(),
                query.searchDimensions(), query.query(), query.limit(), query.sort(), query.virtualColumns(),
                PartialRows.context(query.context()));
    }

    /** The answer to {@code query} from the data servers' partial results (JSON as Jackson reads it). */
    public static List<Map<String, Object>> merge(SearchQuery query, List<List<?>> partials) {
        boolean all = query.granularity() == Granularity.ALL;
        TreeMap<Long, Map<Hit, Long>> buckets = new TreeMap<>();
        long allTime = Long.MAX_VALUE;
        for (List<?> partial : partials) {
            for (Map<String, Object> bucket : PartialRows.rows(partial)) {
                long time = PartialRows.time(bucket.get("timestamp"));
                allTime = Math.min(allTime, time);
                Map<Hit, Long> hits = buckets.computeIfAbsent(all ? Long.MIN_VALUE : time, t -> new HashMap<>());
                for (Object entry : PartialRows.array(bucket.get("result"))) {
                    Map<String, Object> hit = PartialRows.object(entry);
                    hits.merge(new Hit((String) hit.get("dimension"), (String) hit.get("value")),
                            PartialRows.whole(hit.get("count")), Long::sum);
                }
            }
        }
        if (all && !buckets.isEmpty()) {
            buckets.put(allTime, buckets.remove(Long.MIN_VALUE));
        }
        return SearchEngine.results(query, buckets);
    }
}
