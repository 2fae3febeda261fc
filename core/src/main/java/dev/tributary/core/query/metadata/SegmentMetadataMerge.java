package dev.tributary.core.query.metadata;

import dev.tributary.core.Json;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.PartialRows;
import dev.tributary.core.query.metadata.SegmentMetadataEngine.Analyzed;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A segmentMetadata query spread across data servers. Each server answers with one analysis per piece,
 * unmerged and with intervals; the merge reads them back in server order and, when the query asks to
 * {@code merge}, folds them one after another exactly as {@link SegmentMetadataEngine} folds the pieces
 * of one server (so the answer is the one a server holding every piece would give); otherwise it
 * lists them. A piece's id is the one its own server gives it.
 */
public final class SegmentMetadataMerge {
    private SegmentMetadataMerge() {
    }

    /** What each data server runs for {@code query}: unmerged, with the intervals analysis. */
    public static SegmentMetadataQuery forDataServers(SegmentMetadataQuery query) {
        LinkedHashSet<String> analysisTypes = new LinkedHashSet<>(query.analysisTypes());
        if (!query.analyses().contains(SegmentMetadataQuery.Analysis.INTERVAL)) {
            analysisTypes.add("interval");
        }
        return new SegmentMetadataQuery(query.dataSource(), query.intervals(), query.toInclude(), false,
                List.copyOf(analysisTypes), query.lenientAggregatorMerge(), PartialRows.context(query.context()));
    }

    /** The answer to {@code query} from the data servers' partial results (JSON as Jackson reads it). */
    public static List<Map<String, Object>> merge(SegmentMetadataQuery query, List<List<?>> partials) {
        List<Analyzed> analyzed = new ArrayList<>();
        for (List<?> partial : partials) {
            for (Map<String, Object> row : PartialRows.rows(partial)) {
                analyzed.add(analyzed(row));
            }
        }
        return SegmentMetadataEngine.results(query, analyzed);
    }

    private static Analyzed analyzed(Map<String, Object> row) {
        List<Interval> intervals = new ArrayList<>();
        for (Object interval : PartialRows.array(row.get("intervals"))) {
            intervals.add(Interval.parse((String) interval));
        }
        Map<String, ColumnAnalysis> columns = new TreeMap<>();
        PartialRows.object(row.get("columns")).forEach((name, json) -> columns.put(name, column(PartialRows.object(json))));
        Map<String, AggregatorFactory> aggregators = null;
        if (row.get("aggregators") != null) {
            aggregators = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : PartialRows.object(row.get("aggregators")).entrySet()) {
                aggregators.put(entry.getKey(), entry.getValue() == null ? null
                        : Json.mapper().convertValue(entry.getValue(), AggregatorFactory.class));
            }
        }
        Object granularity = row.get("queryGranularity");
        return new Analyzed((String) row.get("id"), intervals, columns, PartialRows.whole(row.get("size")),
                PartialRows.whole(row.get("numRows")), aggregators,
                granularity == null ? null : Json.mapper().convertValue(granularity, Granularity.class),
                (Boolean) row.get("rollup"));
    }

    private static ColumnAnalysis column(Map<String, Object> json) {
        Object cardinality = json.get("cardinality");
        return new ColumnAnalysis((String) json.get("typeSignature"), (String) json.get("type"),
                Boolean.TRUE.equals(json.get("hasMultipleValues")), Boolean.TRUE.equals(json.get("hasNulls")),
                PartialRows.whole(json.get("size")), cardinality == null ? null : (int) PartialRows.whole(cardinality),
                (String) json.get("minValue"), (String) json.get("maxValue"), (String) json.get("errorMessage"));
    }
}
