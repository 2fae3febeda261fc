package dev.tributary.core.query.search;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.CountAggregatorFactory;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.ComplexColumn;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.Buckets;
import dev.tributary.core.query.Queries;
import dev.tributary.core.query.RunningQuery;
import dev.tributary.core.query.TimeRanges;
import dev.tributary.core.query.dimension.DimensionSpec;
import dev.tributary.core.query.grouping.PieceGrouper;
import dev.tributary.core.query.grouping.PieceGroups;
import dev.tributary.core.query.filter.StringOrdering;
import dev.tributary.core.time.Granularity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Runs a search query: counts, per bucket, the rows holding each value of each searched dimension
 * (grouping one dimension at a time), keeps the non-null values the search spec accepts, and sorts
 * them by {@code sort}, then dimension name. Every bucket of data in the intervals gets a result;
 * with granularity {@code all} it is stamped with the earliest instant of data in the intervals.
 */
public final class SearchEngine {
    private static final List<AggregatorFactory> COUNT = List.of(new CountAggregatorFactory("count"));

    private SearchEngine() {
    }

    /** One value of one dimension. */
    record Hit(String dimension, String value) {
    }

    public static List<Map<String, Object>> run(SearchQuery query, List<? extends QueryableIndex> pieces, RunningQuery running) {
        boolean all = query.granularity() == Granularity.ALL;
        Predicate<String> accepts = query.query().accepter();
        TreeMap<Long, Map<Hit, Long>> buckets = new TreeMap<>();
        long allTime = Long.MAX_VALUE;
        for (QueryableIndex piece : pieces) {
            TimeRanges ranges = TimeRanges.of(query.intervals(), piece);
            if (ranges.isEmpty()) {
                continue;
            }
            Buckets slots = Buckets.over(query.granularity(), ranges.span());
            if (all) {
                allTime = Math.min(allTime, ranges.span().start());
            } else {
                for (var interval : ranges.intervals()) {
                    for (int s = slots.slot(interval.start()); s <= slots.slot(interval.end() - 1); s++) {
                        buckets.computeIfAbsent(slots.start(s), t -> new HashMap<>());
                    }
                }
            }
            for (DimensionSpec spec : dimensions(query, piece)) {
                PieceGroups groups = PieceGrouper.group(piece, ranges, slots, List.of(spec), COUNT, query.filter(), running);
                for (int g = 0; g < groups.size(); g++) {
                    String value = (String) groups.value(g, 0);
                    if (value != null && accepts.test(value)) {
                        long time = all ? Long.MIN_VALUE : slots.start(groups.bucket(g));
                        buckets.computeIfAbsent(time, t -> new HashMap<>())
                                .merge(new Hit(spec.outputName(), value), (Long) groups.intermediate(g, 0), Long::sum);
                    }
                }
            }
        }
        if (all) {
            if (allTime == Long.MAX_VALUE) {
                return List.of();
            }
            Map<Hit, Long> hits = buckets.getOrDefault(Long.MIN_VALUE, Map.of());
            buckets.clear();
            buckets.put(allTime, hits);
        }
        return results(query, buckets);
    }

    /** The result rows of the counted hits by bucket start: each bucket's hits sorted and cut at the limit. */
    static List<Map<String, Object>> results(SearchQuery query, TreeMap<Long, Map<Hit, Long>> buckets) {
        Comparator<Hit> order = Comparator.comparing(Hit::value, query.sort())
                .thenComparing(Hit::dimension, StringOrdering.LEXICOGRAPHIC);
        List<Map<String, Object>> results = new ArrayList<>(buckets.size());
        for (Map.Entry<Long, Map<Hit, Long>> bucket : buckets.entrySet()) {
            List<Hit> sorted = new ArrayList<>(bucket.getValue().keySet());
            sorted.sort(order);
            List<Map<String, Object>> hits = new ArrayList<>();
            for (Hit hit : sorted.subList(0, Math.min(sorted.size(), query.limit()))) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("dimension", hit.dimension());
                row.put("value", hit.value());
                row.put("count", bucket.getValue().get(hit));
                hits.add(row);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("timestamp", Queries.timestamp(bucket.getKey(), query.granularity()));
            result.put("result", hits);
            results.add(result);
        }
        return results;
    }

    /** The searched dimensions, as text: those named (complex columns skipped), or all the piece has. */
    private static List<DimensionSpec> dimensions(SearchQuery query, QueryableIndex piece) {
        List<DimensionSpec> specs = new ArrayList<>();
        if (query.searchDimensions().isEmpty()) {
            for (String name : piece.dimensionNames()) {
                specs.add(DimensionSpec.of(name));
            }
            return specs;
        }
        for (DimensionSpec spec : query.searchDimensions()) {
            if (!(piece.column(spec.dimension()) instanceof ComplexColumn)) {
                specs.add(new DimensionSpec(spec.dimension(), spec.outputName(), ColumnType.STRING));
            }
        }
        return specs;
    }
}
