package dev.tributary.core.query.groupby;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.Values;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.Buckets;
import dev.tributary.core.query.Queries;
import dev.tributary.core.query.ResultForm;
import dev.tributary.core.query.ResultRows;
import dev.tributary.core.query.RunningQuery;
import dev.tributary.core.query.TimeRanges;
import dev.tributary.core.query.dimension.DimensionSpec;
import dev.tributary.core.query.filter.StringOrdering;
import dev.tributary.core.query.grouping.MergedGroups;
import dev.tributary.core.query.grouping.MergedGroups.Group;
import dev.tributary.core.query.grouping.PieceGrouper;
import dev.tributary.core.time.Granularity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * Runs a groupBy query: groups every piece's rows, merges the pieces by value, orders the groups as
 * groupBy v2 does (time, then each dimension ascending), applies {@code having} to the finished
 * (post-aggregated, finalized) rows, then the limitSpec. Rows are finished lazily: without a having
 * clause only the rows returned are. With granularity {@code all} every row is stamped with the
 * start of the first interval.
 */
public final class GroupByEngine {
    private GroupByEngine() {
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
        return results(query, merged);
    }

    /**
     * The result rows of the merged groups: in natural order, those {@code having} keeps, ordered and
     * cut by the limitSpec, each finished in the form the context asks for.
     */
    static List<Map<String, Object>> results(GroupByQuery query, MergedGroups merged) {
        boolean all = query.granularity() == Granularity.ALL;
        List<Group> groups = merged.groups();
        NaturalOrder natural = new NaturalOrder(groups, query.dimensions().size(), merged.lonePiece());
        Finisher finisher = new Finisher(query, groups);
        int[] selected = select(query, groups, natural, finisher, all);
        List<Map<String, Object>> results = new ArrayList<>(selected.length);
        for (int g : selected) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("version", "v1");
            result.put("timestamp", Queries.timestamp(groups.get(g).time, query.granularity()));
            result.put("event", finisher.event(g));
            results.add(result);
        }
        return results;
    }

    /** Each group's finished row (post-aggregated, finalized), made once and only when needed. */
    private static final class Finisher {
        private final GroupByQuery query;
        private final List<Group> groups;
        private final Map<String, AggregatorFactory> byName;
        private final Map<?, ?>[] events;
        private final ResultForm form;

        Finisher(GroupByQuery query, List<Group> groups) {
            this.query = query;
            this.form = ResultForm.of(query);
            this.groups = groups;
            this.byName = ResultRows.byName(query.aggregations());
            this.events = new Map<?, ?>[groups.size()];
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> event(int g) {
            if (events[g] == null) {
                Group group = groups.get(g);
                List<DimensionSpec> dimensions = query.dimensions();
                Map<String, Object> event = new LinkedHashMap<>();
                for (int d = 0; d < dimensions.size(); d++) {
                    event.put(dimensions.get(d).outputName(), group.key[d]);
                }
                events[g] = ResultRows.finishInto(event, group.intermediates, query.aggregations(),
                        query.postAggregations(), byName, form);
            }
            return (Map<String, Object>) events[g];
        }
    }

    /**
     * The groups to return, in order: those {@code having} keeps (judged in natural order), ordered by
     * the limitSpec columns (after time unless the granularity is {@code all}; before it with context
     * {@code sortByDimsFirst}) with natural order breaking ties, as Druid's stable sort does; then
     * offset and limit. Under a limit only the first
     * {@code offset + limit} are selected, with a bounded heap.
     */
    private static int[] select(GroupByQuery query, List<Group> groups, NaturalOrder natural, Finisher finisher, boolean all) {
        int[] candidates = natural.order();
        if (query.having() != null) {
            candidates = having(query, groups, candidates, finisher);
        }
        LimitSpec spec = query.limitSpec();
        if (spec == null) {
            return candidates;
        }
        long wanted = spec.limit() == null ? Long.MAX_VALUE : (long) spec.offset() + spec.limit();
        if (!spec.columns().isEmpty()) {
            Comparator<Integer> order = null;
            for (OrderByColumnSpec column : spec.columns()) {
                Comparator<Integer> next = columnOrder(query, column, groups, natural, finisher);
                next = column.descending() ? next.reversed() : next;
                order = order == null ? next : order.thenComparing(next);
            }
            if (!all) {
                Comparator<Integer> byTime = Comparator.comparingLong(g -> groups.get(g).time);
                order = query.contextFlag("sortByDimsFirst") ? order.thenComparing(byTime) : byTime.thenComparing(order);
            }
            candidates = first(candidates, order.thenComparingInt(natural::position), wanted);
        }
        int from = Math.min(spec.offset(), candidates.length);
        int to = (int) Math.min(candidates.length, wanted);
        return Arrays.copyOfRange(candidates, from, Math.max(from, to));
    }

    private static int[] having(GroupByQuery query, List<Group> groups, int[] candidates, Finisher finisher) {
        List<String> names = query.dimensions().stream().map(DimensionSpec::outputName).toList();
        IntPredicate keep = query.having().bind(new ResultTable() {
            @Override
            public int size() {
                return candidates.length;
            }

            @Override
            public long time(int row) {
                return groups.get(candidates[row]).time;
            }

            @Override
            public Map<String, Object> values(int row) {
                return finisher.event(candidates[row]);
            }

            @Override
            public List<String> dimensions() {
                return names;
            }
        });
        return java.util.stream.IntStream.range(0, candidates.length).filter(keep).map(row -> candidates[row]).toArray();
    }

    /** The first {@code n} candidates in {@code order}: a full sort, or a bounded heap when {@code n} is smaller. */
    private static int[] first(int[] candidates, Comparator<Integer> order, long n) {
        if (n >= candidates.length) {
            Integer[] all = Arrays.stream(candidates).boxed().toArray(Integer[]::new);
            Arrays.sort(all, order);
            return Arrays.stream(all).mapToInt(Integer::intValue).toArray();
        }
        int k = (int) n;
        if (k == 0) {
            return new int[0];
        }
        PriorityQueue<Integer> heap = new PriorityQueue<>(k + 1, order.reversed());
        for (int g : candidates) {
            if (heap.size() < k) {
                heap.add(g);
            } else if (order.compare(g, heap.peek()) < 0) {
                heap.poll();
                heap.add(g);
            }
        }
        Integer[] kept = heap.toArray(new Integer[0]);
        Arrays.sort(kept, order);
        return Arrays.stream(kept).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Dimensions compare by their text in the column's {@code dimensionOrder} (by precomputed rank when
     * that is the natural order of text); aggregations and post-aggregations by their comparators, over
     * intermediate values and computed values; nulls first, as Druid does.
     */
    private static Comparator<Integer> columnOrder(GroupByQuery query, OrderByColumnSpec column, List<Group> groups,
            NaturalOrder natural, Finisher finisher) {
        String name = column.dimension();
        for (int d = 0; d < query.dimensions().size(); d++) {
            DimensionSpec dimension = query.dimensions().get(d);
            if (dimension.outputName().equals(name)) {
                int index = d;
                if (dimension.outputType() == ColumnType.STRING && column.dimensionOrder() == StringOrdering.LEXICOGRAPHIC) {
                    return (x, y) -> Integer.compare(natural.rank(x, index), natural.rank(y, index));
                }
                return (x, y) -> column.dimensionOrder().compare(
                        Values.toText(groups.get(x).key[index]), Values.toText(groups.get(y).key[index]));
            }
        }
        for (int a = 0; a < query.aggregations().size(); a++) {
            if (query.aggregations().get(a).name().equals(name)) {
                int index = a;
                Comparator<Object> values = query.aggregations().get(a).comparator();
                return (x, y) -> values.compare(groups.get(x).intermediates[index], groups.get(y).intermediates[index]);
            }
        }
        Comparator<Object> values = query.postAggregations().stream()
                .filter(p -> name.equals(p.name())).findFirst().orElseThrow().comparator();
        return (x, y) -> values.compare(finisher.event(x).get(name), finisher.event(y).get(name));
    }
}
