package dev.tributary.core.query.metadata;

import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.time.DateTimes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a dataSourceMetadata query: the latest event time (not truncated) over every piece. */
public final class DataSourceMetadataEngine {
    private DataSourceMetadataEngine() {
    }

    public static List<Map<String, Object>> run(DataSourceMetadataQuery query, List<? extends QueryableIndex> pieces) {
        long latest = Long.MIN_VALUE;
        for (QueryableIndex piece : pieces) {
            latest = Math.max(latest, piece.maxIngestedEventTime());
        }
        if (latest == Long.MIN_VALUE) {
            return List.of();
        }
        return result(latest);
    }

    /** The one result row for the latest event time. */
    static List<Map<String, Object>> result(long latest) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("timestamp", DateTimes.print(latest));
        row.put("result", Map.of("maxIngestedEventTime", DateTimes.print(latest)));
        return List.of(row);
    }
}
