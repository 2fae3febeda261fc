package dev.tributary.core.query.topn;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.Values;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.Buckets;
import dev.tributary.core.query.Queries;
import dev.tributary.core.query.ResultForm;
import dev.tributary.core.query.ResultRows;
import dev.tributary.core.query.RunningQuery;
import dev.tributary.core.query.TimeRanges;
import dev.tributary.core.query.grouping.MergedGroups;
import dev.tributary.core.query.grouping.MergedGroups.Group;
import dev.tributary.core.query.grouping.PieceGrouper;
import dev.tributary.core.query.grouping.PieceGroups;
import dev.tributary.core.query.ordering.ValueOrder;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * Runs a topN query: groups every piece's rows by (bucket, dimension value), merges the pieces, then
 * ranks each bucket's values and keeps the first {@code threshold}. Like Druid, every bucket of a
 * piece's data in the intervals gets a result, an empty list when no row matched; with granularity
 * {@code all} the one bucket is stamped with the earliest instant of data in the intervals.
 */
public final class TopNEngine {
    private TopNEngine() {
    }

    public static List<Map<String, Object>> run(TopNQuery query, List<? extends QueryableIndex> pieces, RunningQuery running) {
        boolean all = query.granularity() == Granularity.ALL;
        List<TimeRanges> ranges = new ArrayList<>();
        int withData = 0;
        for (QueryableIndex piece : pieces) {
            TimeRanges r = TimeRanges.of(query.intervals(), piece);
            ranges.add(r);
            withData += r.isEmpty() ? 0 : 1;
        }
        MergedGroups merged = new MergedGroups(query.aggregations());
        TreeSet<Long> bucketTimes = new TreeSet<>();
        long allTime = Long.MAX_VALUE;
        for (int i = 0; i < pieces.size(); i++) {
            TimeRanges r = ranges.get(i);
            if (r.isEmpty()) {
                continue;
            }
            Buckets buckets = Buckets.over(query.granularity(), r.span());
            PieceGroups groups = PieceGrouper.group(pieces.get(i), r, buckets, List.of(query.dimension()),
                    query.aggregations(), query.filter(), running);
            if (all) {
                allTime = Math.min(allTime, r.span().start());
            } else {
                for (Interval interval : r.intervals()) {
                    for (int s = buckets.slot(interval.start()); s <= buckets.slot(interval.end() - 1); s++) {
                        bucketTimes.add(buckets.start(s));
                    }
                }
            }
            merged.add(groups, b -> all ? Long.MIN_VALUE : buckets.start(b), withData == 1);
        }
        if (all && allTime != Long.MAX_VALUE) {
            bucketTimes.add(allTime);
        }
        return results(query, merged, bucketTimes, allTime);
    }

    /**
     * One result per bucket time, each the ranked first {@code threshold} of the bucket's groups.
     *
     * @param merged      the groups, merged across pieces; with granularity {@code all} their time is ignored
     * @param bucketTimes the bucket starts to answer for, ascending
     * @param allTime     with granularity {@code all}, the stamp of the one bucket
     */
    static List<Map<String, Object>> results(TopNQuery query, MergedGroups merged, TreeSet<Long> bucketTimes, long allTime) {
        boolean all = query.granularity() == Granularity.ALL;
        Map<Long, List<Group>> byTime = new HashMap<>();
        for (Group group : merged.groups()) {
            byTime.computeIfAbsent(all ? allTime : group.time, t -> new ArrayList<>()).add(group);
        }
        Ranking ranking = new Ranking(query);
        List<Map<String, Object>> results = new ArrayList<>(bucketTimes.size());
        for (long time : bucketTimes) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("timestamp", Queries.timestamp(time, query.granularity()));
            result.put("result", ranking.top(byTime.getOrDefault(time, List.of())));
            results.add(result);
        }
        return results;
    }

    /** Ranks one bucket's groups by the query's metric spec and finishes the first {@code threshold}. */
    private static final class Ranking {
        private final TopNQuery query;
        private final Map<String, AggregatorFactory> aggregatorsByName;
        private final int aggregatorIndex;
        private final ResultForm form;

        Ranking(TopNQuery query) {
            this.query = query;
            this.form = ResultForm.of(query);
            this.aggregatorsByName = ResultRows.byName(query.aggregations());
            int index = -1;
            for (int a = 0; a < query.aggregations().size(); a++) {
                if (query.aggregations().get(a).name().equals(query.metric().metric())) {
                    index = a;
                }
            }
            this.aggregatorIndex = index;
        }

        List<Map<String, Object>> top(List<Group> candidates) {
            TopNMetricSpec spec = query.metric();
            Map<Group, Map<String, Object>> finished = new IdentityHashMap<>();
            Comparator<Group> order;
            if (spec.metric() == null) {
                Comparator<Group> byValue = Comparator.comparing(g -> text(g), spec.ordering());
                order = spec.inverted() ? byValue.reversed() : byValue;
                if (spec.previousStop() != null) {
                    candidates = candidates.stream().filter(g -> {
                        int c = spec.ordering().compare(text(g), spec.previousStop());
                        return spec.inverted() ? c < 0 : c > 0;
                    }).toList();
                }
            } else {
                Comparator<Group> byMetric;
                if (aggregatorIndex >= 0) {
                    Comparator<Object> values = query.aggregations().get(aggregatorIndex).comparator();
                    byMetric = (x, y) -> values.compare(x.intermediates[aggregatorIndex], y.intermediates[aggregatorIndex]);
                } else {
                    // a post-aggregation: every candidate's row is needed to rank it (a data server
                    // computes them to rank, but sends partial rows without them)
                    for (Group group : candidates) {
                        finished.put(group, finish(group, form == ResultForm.PARTIAL ? ResultForm.INTERMEDIATE : form));
                    }
                    String metric = spec.metric();
                    Comparator<Object> values = query.postAggregations().stream()
                            .filter(p -> metric.equals(p.name())).findFirst().orElseThrow().comparator();
                    byMetric = (x, y) -> values.compare(finished.get(x).get(metric), finished.get(y).get(metric));
                }
                order = (spec.inverted() ? byMetric : byMetric.reversed())
                        .thenComparing((x, y) -> ValueOrder.compare(x.key[0], y.key[0]));
            }
            List<Group> winners = first(candidates, order, query.threshold());
            List<Map<String, Object>> rows = new ArrayList<>(winners.size());
            for (Group winner : winners) {
                Map<String, Object> row = form == ResultForm.PARTIAL ? null : finished.get(winner);
                rows.add(row != null ? row : finish(winner, form));
            }
            return rows;
        }

        private Map<String, Object> finish(Group group, ResultForm as) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(query.dimension().outputName(), group.key[0]);
            return ResultRows.finishInto(row, group.intermediates, query.aggregations(), query.postAggregations(),
                    aggregatorsByName, as);
        }

        private static String text(Group group) {
            return Values.toText(group.key[0]);
        }

        /** The first {@code n} groups in {@code order}, sorted, with a bounded heap rather than a full sort. */
        private static List<Group> first(List<Group> candidates, Comparator<Group> order, int n) {
            if (candidates.size() <= n) {
                List<Group> sorted = new ArrayList<>(candidates);
                sorted.sort(order);
                return sorted;
            }
            PriorityQueue<Group> heap = new PriorityQueue<>(n + 1, order.reversed());
            for (Group group : candidates) {
                if (heap.size() < n) {
                    heap.add(group);
                } else if (order.compare(group, heap.peek()) < 0) {
                    heap.poll();
                    heap.add(group);
                }
            }
            List<Group> sorted = new ArrayList<>(heap);
            sorted.sort(order);
            return sorted;
        }
    }
}
