package dev.tributary.core.query.metadata;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.tributary.core.Json;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.ComplexColumn;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.column.StringColumn;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.PieceIds;
import dev.tributary.core.query.QueryIntervals;
import dev.tributary.core.query.RunningQuery;
import dev.tributary.core.query.TimeRanges;
import dev.tributary.core.query.metadata.SegmentMetadataQuery.Analysis;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a segmentMetadata query: analyzes every piece whose data overlaps the intervals in one scan
 * of the included columns, then, with {@code merge}, folds the analyses into one as Druid does
 * (id {@code merged}, sums of sizes and rows, the largest cardinality, the widest min/max).
 *
 * <p>What a live piece cannot know is reported as Druid reports the unknown: {@code timestampSpec}
 * is null. A string column's cardinality counts the distinct values its rows hold, null included
 * when some row has none, as a Druid realtime index's dictionary does.
 */
public final class SegmentMetadataEngine {
    private SegmentMetadataEngine() {
    }

    /** One piece's analysis, or several merged. */
    record Analyzed(String id, List<Interval> intervals, Map<String, ColumnAnalysis> columns, long size,
            long numRows, Map<String, AggregatorFactory> aggregators, Granularity queryGranularity, Boolean rollup) {
    }

    public static List<Map<String, Object>> run(SegmentMetadataQuery query, List<? extends QueryableIndex> pieces, RunningQuery running) {
        Set<Analysis> analyses = query.analyses();
        List<Analyzed> analyzed = new ArrayList<>();
        for (int p = 0; p < pieces.size(); p++) {
            QueryableIndex piece = pieces.get(p);
            if (!TimeRanges.of(query.intervals(), piece).isEmpty()) {
                analyzed.add(analyze(query, analyses, piece, p, running));
            }
        }
        return results(query, analyzed);
    }

    /** The result rows of the analyses, in order: merged into one when the query asks. */
    static List<Map<String, Object>> results(SegmentMetadataQuery query, List<Analyzed> analyzed) {
        Set<Analysis> analyses = query.analyses();
        if (query.merge() && analyzed.size() > 1) {
            Analyzed merged = analyzed.get(0);
            for (int i = 1; i < analyzed.size(); i++) {
                merged = merge(merged, analyzed.get(i), query.lenientAggregatorMerge());
            }
            analyzed = List.of(merged);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Analyzed a : analyzed) {
            results.add(toJson(a, analyses));
        }
        return results;
    }

    private static Analyzed analyze(SegmentMetadataQuery query, Set<Analysis> analyses, QueryableIndex piece, int position,
            RunningQuery running) {
        List<String> names = new ArrayList<>();
        names.add("__time");
        names.addAll(piece.dimensionNames());
        piece.metrics().forEach(m -> names.add(m.name()));
        boolean sizes = analyses.contains(Analysis.SIZE);
        List<String> included = new ArrayList<>();
        List<ColumnStats> stats = new ArrayList<>();
        for (String name : names) {
            if (query.toInclude().includes(name) && !included.contains(name)) {
                included.add(name);
                stats.add(ColumnStats.of(piece.column(name), sizes));
            }
        }
        long[] rows = {0};
        piece.scan((start, end) -> {
            running.check();
            rows[0] += end - start;
            for (ColumnStats s : stats) {
                for (int row = start; row < end; row++) {
                    s.visit(row);
                }
            }
        });
        Map<String, ColumnAnalysis> columns = new TreeMap<>();
        long size = 0;
        for (int c = 0; c < included.size(); c++) {
            ColumnAnalysis column = stats.get(c).analysis(rows[0], analyses);
            columns.put(included.get(c), column);
            size += column.size();
        }
        Map<String, AggregatorFactory> aggregators = new LinkedHashMap<>();
        for (AggregatorFactory metric : piece.metrics()) {
            aggregators.put(metric.name(), metric.combining());
        }
        return new Analyzed(PieceIds.of(piece, position), List.of(piece.dataInterval()), columns, size, rows[0],
                aggregators, piece.queryGranularity(), piece.rollup());
    }

    private static Analyzed merge(Analyzed a, Analyzed b, boolean lenient) {
        List<Interval> intervals = new ArrayList<>(a.intervals());
        intervals.addAll(b.intervals());
        Map<String, ColumnAnalysis> columns = new TreeMap<>(a.columns());
        b.columns().forEach((name, column) -> columns.merge(name, column, ColumnAnalysis::merge));
        return new Analyzed("merged", new QueryIntervals(intervals).condensed(), columns, a.size() + b.size(),
                a.numRows() + b.numRows(), mergeAggregators(a.aggregators(), b.aggregators(), lenient),
                Objects.equals(a.queryGranularity(), b.queryGranularity()) ? a.queryGranularity() : null,
                Objects.equals(a.rollup(), b.rollup()) ? a.rollup() : null);
    }

    /** Strict: any conflict or unknown makes the whole map null. Lenient: a conflict nulls just that name. */
    private static Map<String, AggregatorFactory> mergeAggregators(Map<String, AggregatorFactory> a,
            Map<String, AggregatorFactory> b, boolean lenient) {
        if (a == null || b == null) {
            return lenient ? (a == null ? b : a) : null;
        }
        Map<String, AggregatorFactory> merged = new LinkedHashMap<>(a);
        for (Map.Entry<String, AggregatorFactory> entry : b.entrySet()) {
            String name = entry.getKey();
            if (!merged.containsKey(name)) {
                merged.put(name, entry.getValue());
            } else if (!Objects.equals(merged.get(name), entry.getValue())) {
                if (!lenient) {
                    return null;
                }
                merged.put(name, null);
            }
        }
        return merged;
    }

    private static Map<String, Object> toJson(Analyzed a, Set<Analysis> analyses) {
        Map<String, Object> columns = new LinkedHashMap<>();
        a.columns().forEach((name, column) -> columns.put(name, column.toJson()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("intervals", analyses.contains(Analysis.INTERVAL) ? a.intervals() : null);
        json.put("columns", columns);
        json.put("size", a.size());
        json.put("numRows", a.numRows());
        json.put("aggregators", analyses.contains(Analysis.AGGREGATORS) ? aggregatorsJson(a.aggregators()) : null);
        json.put("timestampSpec", null);
        json.put("queryGranularity", analyses.contains(Analysis.QUERYGRANULARITY) && a.queryGranularity() != null
                ? granularityJson(a.queryGranularity()) : null);
        json.put("rollup", analyses.contains(Analysis.ROLLUP) ? a.rollup() : null);
        return json;
    }

    /** The aggregators as JSON, each with its {@code type} (which a map of plain values would lose). */
    private static Map<String, Object> aggregatorsJson(Map<String, AggregatorFactory> aggregators) {
        if (aggregators == null) {
            return null;
        }
        ObjectWriter writer = Json.mapper().writerFor(AggregatorFactory.class);
        Map<String, Object> json = new LinkedHashMap<>();
        aggregators.forEach((name, factory) -> {
            try {
                json.put(name, factory == null ? null : Json.mapper().readTree(writer.writeValueAsBytes(factory)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return json;
    }

    /**
     * A granularity as Druid's segmentMetadata prints it: {@code {"type": "none"}} and
     * {@code {"type": "all"}}, a standard period by its upper-case name ({@code "SECOND"}), any other
     * in its JSON object form.
     */
    static Object granularityJson(Granularity granularity) {
        if (granularity == Granularity.NONE || granularity == Granularity.ALL) {
            return Map.of("type", granularity.jsonName());
        }
        if (granularity.isSimple()) {
            return granularity.jsonName().toUpperCase(java.util.Locale.ROOT);
        }
        return granularity.toJson();
    }

    /** Gathers one column's facts row by row during the piece's scan. */
    private abstract static class ColumnStats {
        boolean hasNulls;

        static ColumnStats of(Column column, boolean sizes) {
            if (column instanceof StringColumn strings) {
                return new StringStats(strings, sizes);
            }
            if (column instanceof NumericColumn numbers) {
                return new NumericStats(numbers);
            }
            if (column instanceof ComplexColumn objects) {
                return new ComplexStats(objects);
            }
            return new MissingStats();
        }

        abstract void visit(int row);

        abstract ColumnAnalysis analysis(long rows, Set<Analysis> analyses);
    }

    private static final class StringStats extends ColumnStats {
        private final StringColumn column;
        private final boolean sizes;
        private boolean[] present = new boolean[0];
        private int[] utf8Lengths = new int[0];
        private long bytes;

        StringStats(StringColumn column, boolean sizes) {
            this.column = column;
            this.sizes = sizes;
        }

        @Override
        void visit(int row) {
            int count = column.valueCount(row);
            if (count == 0) {
                hasNulls = true;
                return;
            }
            for (int i = 0; i < count; i++) {
                int id = count == 1 ? column.getId(row) : column.getId(row, i);
                if (id == StringColumn.NULL_ID) {
                    hasNulls = true;
                    continue;
                }
                if (id >= present.length) {
                    int length = Math.max(id + 1, column.cardinality());
                    present = java.util.Arrays.copyOf(present, length);
                    if (sizes) {
                        int old = utf8Lengths.length;
                        utf8Lengths = java.util.Arrays.copyOf(utf8Lengths, length);
                        java.util.Arrays.fill(utf8Lengths, old, length, -1);
                    }
                }
                present[id] = true;
                if (sizes) {
                    if (utf8Lengths[id] < 0) {
                        utf8Lengths[id] = column.lookupName(id).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                    }
                    bytes += utf8Lengths[id];
                }
            }
        }

        @Override
        ColumnAnalysis analysis(long rows, Set<Analysis> analyses) {
            int distinct = hasNulls ? 1 : 0;
            String min = null;
            String max = null;
            for (int id = 1; id < present.length; id++) {
                if (present[id]) {
                    distinct++;
                    String value = column.lookupName(id);
                    if (min == null || dev.tributary.core.query.filter.StringOrdering.LEXICOGRAPHIC.compare(value, min) < 0) {
                        min = value;
                    }
                    if (max == null || dev.tributary.core.query.filter.StringOrdering.LEXICOGRAPHIC.compare(value, max) > 0) {
                        max = value;
                    }
                }
            }
            boolean minmax = analyses.contains(Analysis.MINMAX);
            return new ColumnAnalysis("STRING", "STRING", column.hasMultipleValues(), hasNulls, sizes ? bytes : 0,
                    analyses.contains(Analysis.CARDINALITY) ? distinct : null, minmax ? min : null, minmax ? max : null, null);
        }
    }

    private static final class NumericStats extends ColumnStats {
        private final NumericColumn column;

        NumericStats(NumericColumn column) {
            this.column = column;
        }

        @Override
        void visit(int row) {
            hasNulls |= column.isNull(row);
        }

        @Override
        ColumnAnalysis analysis(long rows, Set<Analysis> analyses) {
            String type = column.type().druidName();
            return new ColumnAnalysis(type, type, false, hasNulls, analyses.contains(Analysis.SIZE) ? rows * Long.BYTES : 0,
                    null, null, null, null);
        }
    }

    private static final class ComplexStats extends ColumnStats {
        private final ComplexColumn column;

        ComplexStats(ComplexColumn column) {
            this.column = column;
        }

        @Override
        void visit(int row) {
            hasNulls |= column.getObject(row) == null;
        }

        @Override
        ColumnAnalysis analysis(long rows, Set<Analysis> analyses) {
            return new ColumnAnalysis("COMPLEX<" + column.typeName() + ">", column.typeName(), false, hasNulls, 0,
                    null, null, null, null);
        }
    }

    /** A listed column the piece lacks: all null, read as a string column as Druid does. */
    private static final class MissingStats extends ColumnStats {
        @Override
        void visit(int row) {
            hasNulls = true;
        }

        @Override
        ColumnAnalysis analysis(long rows, Set<Analysis> analyses) {
            return new ColumnAnalysis("STRING", "STRING", false, rows > 0, 0,
                    analyses.contains(Analysis.CARDINALITY) ? 1 : null, null, null, null);
        }
    }
}
