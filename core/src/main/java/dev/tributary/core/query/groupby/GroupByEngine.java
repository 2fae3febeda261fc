package dev.tributary.core.query.groupby;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.Values;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.Buckets;
import dev.tributary.core.query.ResultRows;
import dev.tributary.core.query.RunningQuery;
import dev.tributary.core.query.TimeRanges;
import dev.tributary.core.query.dimension.DimensionSpec;
import dev.tributary.core.query.grouping.MergedGroups;
import dev.tributary.core.query.grouping.MergedGroups.Group;
import dev.tributary.core.query.grouping.PieceGrouper;
import dev.tributary.core.query.ordering.ValueOrder;
import dev.tributary.core.time.DateTimes;
import dev.tributary.core.time.Granularity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Runs a groupBy query: groups every piece's rows, merges the pieces by value, orders the groups as
 * groupBy v2 does (time, then each dimension ascending), post-aggregates, applies {@code having}, then
 * the limitSpec (a stable sort, so ties keep that natural order). With granularity {@code all} every
 * row is stamped with the start of the first interval.
 */
public final class GroupByEngine {
    private GroupByEngine() {
    }

    /** A finished group: its merged values and the row a client sees. */
    private record Row(Group group, Map<String, Object> event) {
    }

    public static List<Map<String, Object>> run(GroupByQuery query, List<? extends QueryableIndex> pieces, RunningQuery running) {
        boolean all = query.granularity() == Granularity.ALL;
        long allTime = query.intervals().condensed().get(0).start();
        List<TimeRanges> ranges = new ArrayList<>();
        int withData = 0;
        for (QueryableIndex piece : pieces) {
            TimeRanges r = TimeRanges.of(query.intervals(), piece);
            ranges.add(r);
            withData += r.isEmpty() ? 0 : 1;
        }
        MergedGroups merged = new MergedGroups(query.aggregations());
        for (int i = 0; i < pieces.size(); i++) {
            TimeRanges r = ranges.get(i);
            if (r.isEmpty()) {
                continue;
            }
            Buckets buckets = Buckets.over(query.granularity(), r.span());
            merged.add(PieceGrouper.group(pieces.get(i), r, buckets, query.dimensions(), query.aggregations(),
                    query.filter(), running), b -> all ? allTime : buckets.start(b), withData == 1);
        }
        List<Group> groups = new ArrayList<>(merged.groups());
        groups.sort(naturalOrder(query.dimensions().size()));
        List<Row> rows = finish(query, groups);
        if (query.having() != null) {
            rows = having(query.having(), rows, query.dimensions());
        }
        rows = limit(query, rows, all);
        List<Map<String, Object>> results = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("version", "v1");
            result.put("timestamp", DateTimes.print(row.group().time));
            result.put("event", row.event());
            results.add(result);
        }
        return results;
    }

    /** Time, then each dimension's values ascending (text by code point, numbers numerically), nulls first. */
    private static Comparator<Group> naturalOrder(int dimensions) {
        return (x, y) -> {
            int c = Long.compare(x.time, y.time);
            for (int d = 0; c == 0 && d < dimensions; d++) {
                c = ValueOrder.compare(x.key[d], y.key[d]);
            }
            return c;
        };
    }

    private static List<Row> finish(GroupByQuery query, List<Group> groups) {
        Map<String, AggregatorFactory> byName = ResultRows.byName(query.aggregations());
        List<DimensionSpec> dimensions = query.dimensions();
        List<Row> rows = new ArrayList<>(groups.size());
        for (Group group : groups) {
            Map<String, Object> event = new LinkedHashMap<>();
            for (int d = 0; d < dimensions.size(); d++) {
                event.put(dimensions.get(d).outputName(), group.key[d]);
            }
            ResultRows.finishInto(event, group.intermediates, query.aggregations(), query.postAggregations(), byName);
            rows.add(new Row(group, event));
        }
        return rows;
    }

    private static List<Row> having(HavingSpec having, List<Row> rows, List<DimensionSpec> dimensions) {
        List<String> names = dimensions.stream().map(DimensionSpec::outputName).toList();
        IntPredicate keep = having.bind(new ResultTable() {
            @Override
            public int size() {
                return rows.size();
            }

            @Override
            public long time(int row) {
                return rows.get(row).group().time;
            }

            @Override
            public Map<String, Object> values(int row) {
                return rows.get(row).event();
            }

            @Override
            public List<String> dimensions() {
                return names;
            }
        });
        List<Row> kept = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            if (keep.test(row)) {
                kept.add(rows.get(row));
            }
        }
        return kept;
    }

    private static List<Row> limit(GroupByQuery query, List<Row> rows, boolean all) {
        LimitSpec spec = query.limitSpec();
        if (spec == null) {
            return rows;
        }
        if (!spec.columns().isEmpty()) {
            Comparator<Row> order = all ? null : Comparator.comparingLong(r -> r.group().time);
            for (OrderByColumnSpec column : spec.columns()) {
                Comparator<Row> next = columnOrder(query, column);
                next = column.descending() ? next.reversed() : next;
                order = order == null ? next : order.thenComparing(next);
            }
            rows = new ArrayList<>(rows);
            rows.sort(order);
        }
        int from = Math.min(spec.offset(), rows.size());
        int to = spec.limit() == null ? rows.size() : (int) Math.min(rows.size(), (long) from + spec.limit());
        return rows.subList(from, to);
    }

    /**
     * Dimensions compare by their text in the column's {@code dimensionOrder}; aggregations by their
     * comparator over intermediate values; post-aggregations by value; nulls first, as Druid does.
     */
    private static Comparator<Row> columnOrder(GroupByQuery query, OrderByColumnSpec column) {
        String name = column.dimension();
        for (int d = 0; d < query.dimensions().size(); d++) {
            if (query.dimensions().get(d).outputName().equals(name)) {
                int index = d;
                return (x, y) -> column.dimensionOrder().compare(
                        Values.toText(x.group().key[index]), Values.toText(y.group().key[index]));
            }
        }
        for (int a = 0; a < query.aggregations().size(); a++) {
            if (query.aggregations().get(a).name().equals(name)) {
                int index = a;
                Comparator<Object> values = query.aggregations().get(a).comparator();
                return (x, y) -> values.compare(x.group().intermediates[index], y.group().intermediates[index]);
            }
        }
        return (x, y) -> ValueOrder.compare(x.event().get(name), y.event().get(name));
    }
}
