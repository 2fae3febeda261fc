package dev.tributary.core.query.metadata;

import dev.tributary.core.query.PartialRows;
import java.util.List;
import java.util.Map;

/**
 * The timeBoundary and dataSourceMetadata queries spread across data servers: each server answers the
 * query as it is, and the merge keeps the earliest and latest times. Exact.
 */
public final class MetadataMerge {
    private MetadataMerge() {
    }

    /** What each data server runs for a timeBoundary {@code query}. */
    public static TimeBoundaryQuery forDataServers(TimeBoundaryQuery query) {
        return new TimeBoundaryQuery(query.dataSource(), query.intervals(), query.bound(), query.filter(),
                PartialRows.context(query.context()));
    }

    /** What each data server runs for a dataSourceMetadata {@code query}. */
    public static DataSourceMetadataQuery forDataServers(DataSourceMetadataQuery query) {
        return new DataSourceMetadataQuery(query.dataSource(), query.intervals(), PartialRows.context(query.context()));
    }

    /** The earliest {@code minTime} and latest {@code maxTime} of the servers' answers. */
    public static List<Map<String, Object>> merge(TimeBoundaryQuery query, List<List<?>> partials) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean found = false;
        for (List<?> partial : partials) {
            for (Map<String, Object> row : PartialRows.rows(partial)) {
                Map<String, Object> result = PartialRows.object(row.get("result"));
                found = true;
                if (result.get(TimeBoundaryQuery.MIN_TIME) != null) {
                    min = Math.min(min, PartialRows.time(result.get(TimeBoundaryQuery.MIN_TIME)));
                }
                if (result.get(TimeBoundaryQuery.MAX_TIME) != null) {
                    max = Math.max(max, PartialRows.time(result.get(TimeBoundaryQuery.MAX_TIME)));
                }
            }
        }
        return found ? TimeBoundaryEngine.result(query, min, max) : List.of();
    }

    /** The latest {@code maxIngestedEventTime} of the servers' answers. */
    public static List<Map<String, Object>> merge(DataSourceMetadataQuery query, List<List<?>> partials) {
        long latest = Long.MIN_VALUE;
        for (List<?> partial : partials) {
            for (Map<String, Object> row : PartialRows.rows(partial)) {
                Map<String, Object> result = PartialRows.object(row.get("result"));
                latest = Math.max(latest, PartialRows.time(result.get("maxIngestedEventTime")));
            }
        }
        return latest == Long.MIN_VALUE ? List.of() : DataSourceMetadataEngine.result(latest);
    }
}
