package dev.tributary.bench.segment;

import dev.tributary.bench.engine.PreparedQuery;
import dev.tributary.bench.engine.UnsupportedQueryException;
import dev.tributary.bench.measure.Samples;
import dev.tributary.bench.workload.BenchQueries.BenchQuery;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query time on the persisted segments, one thread: each query is prepared on each side's segment, then
 * run in rounds, the sides alternating which goes first; the first rounds are warm-ups, and the median
 * of the rest is reported.
 */
final class SegmentQueryComparison {
    /**
     * One query's times on each side that ran it.
     *
     * @param rows rows in the segments
     * @param millis measured run times by side
     * @param unsupported why a side could not run the query, by side
     */
    record Timing(BenchQuery query, int rows, Map<SegmentEngine, Samples> millis, Map<SegmentEngine, String> unsupported) {
        /** The median in ms on this side; null if it did not run. */
        Double medianMillis(SegmentEngine side) {
            Samples samples = side == null ? null : millis.get(side);
            return samples == null ? null : samples.median();
        }
    }

    private SegmentQueryComparison() {
    }

    static List<Timing> run(SegmentSides sides, Map<SegmentEngine, LoadedSegment> loaded, List<BenchQuery> queries,
            SegmentOptions options, PrintStream log) {
        log.printf("%n== queries on the persisted segments: %d warm-up and %d measured runs each%n",
                options.queryWarmups(), options.queryRuns());
        List<Timing> timings = new ArrayList<>();
        for (BenchQuery query : queries) {
            timings.add(time(query, sides, loaded, options, log));
        }
        return timings;
    }

    private static Timing time(BenchQuery query, SegmentSides sides, Map<SegmentEngine, LoadedSegment> loaded,
            SegmentOptions options, PrintStream log) {
        Map<SegmentEngine, PreparedQuery> prepared = new IdentityHashMap<>();
        Map<SegmentEngine, String> unsupported = new IdentityHashMap<>();
        for (SegmentEngine side : sides.all()) {
            try {
                prepared.put(side, loaded.get(side).prepare(query.json()));
            } catch (UnsupportedQueryException e) {
                unsupported.put(side, e.getMessage());
            }
        }
        Map<SegmentEngine, Samples> millis = new IdentityHashMap<>();
        for (int round = 0; round < options.queryWarmups() + options.queryRuns(); round++) {
            for (SegmentEngine side : sides.inOrder(round)) {
                PreparedQuery q = prepared.get(side);
                if (q == null) {
                    continue;
                }
                long start = System.nanoTime();
                Object results = q.run();
                double ms = (System.nanoTime() - start) / 1e6;
                if (results == null) {
                    throw new IllegalStateException(side.name() + " returned no results for " + query.name());
                }
                if (round >= options.queryWarmups()) {
                    millis.computeIfAbsent(side, s -> new Samples()).add(ms);
                }
            }
        }
        Timing timing = new Timing(query, loaded.get(sides.druid()).rowCount(), millis, unsupported);
        StringBuilder line = new StringBuilder(String.format("   %-50s", query.name()));
        for (SegmentEngine side : sides.all()) {
            Double ms = timing.medianMillis(side);
            line.append(String.format("  %s %s", side.name(),
                    ms == null ? "unsupported" : String.format("%7.2f ms (%,.0f rows/s)", ms, timing.rows() * 1000 / ms)));
        }
        log.println(line);
        return timing;
    }
}
