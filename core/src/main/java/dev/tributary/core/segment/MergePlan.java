package dev.tributary.core.segment;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.ComplexColumn;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.column.StringColumn;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What merging some pieces produces, worked out before any row is read: the union of their
 * dimensions, each string dimension's merged sorted dictionary and every piece's map from its ids to
 * the merged ones, the metrics, and the segment-level facts. Pieces that do not agree on their
 * dataSource, query granularity, metrics or a dimension's type are refused.
 */
final class MergePlan {
    /** One output dimension. {@code dictionary} and {@code idMaps} only for strings. */
    record Dimension(String name, ColumnType type, boolean multiValued, String[] dictionary, int[][] idMaps) {
    }

    /** One output metric and its column's type. */
    record Metric(AggregatorFactory factory, ColumnType type, String typeName) {
    }

    final List<? extends QueryableIndex> pieces;
    final String dataSource;
    final Granularity queryGranularity;
    final boolean rollup;
    final Interval interval;
    final long maxIngestedEventTime;
    final Dimension[] dimensions;
    final Metric[] metrics;

    MergePlan(List<? extends QueryableIndex> pieces) {
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge: no pieces");
        }
        this.pieces = pieces;
        QueryableIndex first = pieces.get(0);
        this.dataSource = first.dataSource();
        this.queryGranularity = first.queryGranularity();
        boolean allRollup = true;
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        long maxEvent = Long.MIN_VALUE;
        for (QueryableIndex piece : pieces) {
            require(piece.dataSource().equals(dataSource), "dataSources " + dataSource + " and " + piece.dataSource());
            require(piece.queryGranularity().equals(queryGranularity),
                    "query granularities " + queryGranularity + " and " + piece.queryGranularity());
            require(metricNames(piece).equals(metricNames(first)), "metrics " + metricNames(first) + " and " + metricNames(piece));
            allRollup &= piece.rollup();
            Interval data = piece.dataInterval();
            if (data != null) {
                start = Math.min(start, data.start());
                end = Math.max(end, data.end());
            }
            maxEvent = Math.max(maxEvent, piece.maxIngestedEventTime());
        }
        this.rollup = allRollup;
        this.interval = start == Long.MAX_VALUE ? null : new Interval(start, end);
        this.maxIngestedEventTime = maxEvent;
        this.dimensions = planDimensions();
        this.metrics = planMetrics(first);
    }

    private static List<String> metricNames(QueryableIndex piece) {
        return piece.metrics().stream().map(AggregatorFactory::name).toList();
    }

    private Dimension[] planDimensions() {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (QueryableIndex piece : pieces) {
            for (String name : piece.dimensionNames()) {
                Column column = piece.column(name);
                ColumnType type = column == null ? ColumnType.STRING : column.type();
                ColumnType known = types.putIfAbsent(name, type);
                require(known == null || known == type, "types " + known + " and " + type + " of dimension '" + name + "'");
            }
        }
        List<Dimension> planned = new ArrayList<>();
        for (Map.Entry<String, ColumnType> entry : types.entrySet()) {
            planned.add(entry.getValue() == ColumnType.STRING ? stringDimension(entry.getKey())
                    : new Dimension(entry.getKey(), entry.getValue(), false, null, null));
        }
        return planned.toArray(Dimension[]::new);
    }

    /** The sorted union of the pieces' values (null first), and each piece's id map into it. */
    private Dimension stringDimension(String name) {
        List<String> values = new ArrayList<>();
        boolean multiValued = false;
        for (QueryableIndex piece : pieces) {
            if (piece.column(name) instanceof StringColumn column) {
                multiValued |= column.hasMultipleValues();
                for (int id = 1; id < column.cardinality(); id++) {
                    values.add(column.lookupName(id));
                }
            }
        }
        values.sort(Utf8Order.NULLS_FIRST);
        List<String> distinct = new ArrayList<>(values.size() + 1);
        distinct.add(null);
        for (String value : values) {
            if (value != null && !value.equals(distinct.get(distinct.size() - 1))) {
                distinct.add(value);
            }
        }
        String[] dictionary = distinct.toArray(String[]::new);
        int[][] idMaps = new int[pieces.size()][];
        for (int p = 0; p < idMaps.length; p++) {
            if (pieces.get(p).column(name) instanceof StringColumn column) {
                int[] map = new int[column.cardinality()];
                for (int id = 1; id < map.length; id++) {
                    map[id] = Arrays.binarySearch(dictionary, 1, dictionary.length, column.lookupName(id), Utf8Order.NULLS_FIRST);
                }
                idMaps[p] = map;
            }
        }
        return new Dimension(name, ColumnType.STRING, multiValued, dictionary, idMaps);
    }

    private Metric[] planMetrics(QueryableIndex first) {
        List<AggregatorFactory> factories = first.metrics();
        Metric[] planned = new Metric[factories.size()];
        for (int m = 0; m < planned.length; m++) {
            AggregatorFactory factory = factories.get(m);
            Column column = first.column(factory.name());
            if (column instanceof ComplexColumn complex) {
                planned[m] = new Metric(factory, ColumnType.COMPLEX, complex.typeName());
            } else if (column instanceof NumericColumn numeric) {
                planned[m] = new Metric(factory, numeric.type(), null);
            } else {
                throw new IllegalArgumentException("metric '" + factory.name() + "' has no readable column");
            }
            for (QueryableIndex piece : pieces) {
                Column other = piece.column(factory.name());
                require(other != null && other.type() == planned[m].type(), "column types of metric '" + factory.name() + "'");
            }
        }
        return planned;
    }

    private static void require(boolean agree, String what) {
        if (!agree) {
            throw new IllegalArgumentException("cannot merge pieces with different " + what);
        }
    }
}
