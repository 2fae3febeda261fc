package dev.tributary.bench;

import dev.tributary.bench.druid.DruidEngine;
import dev.tributary.bench.engine.Engine;
import dev.tributary.bench.engine.EngineIndex;
import dev.tributary.bench.engine.PreparedQuery;
import dev.tributary.bench.engine.ResultsComparison;
import dev.tributary.bench.engine.UnsupportedQueryException;
import dev.tributary.bench.measure.HeapMeter;
import dev.tributary.bench.measure.Samples;
import dev.tributary.bench.workload.BenchQueries;
import dev.tributary.bench.workload.BenchQueries.BenchQuery;
import dev.tributary.bench.workload.Workload;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Memory and queries on one live index per side, both built from the same events: heap bytes per row
 * (the used-heap difference around building each index, after full GCs), then each query's run time
 * on those indexes. Before any query is timed, both sides must report the same row count and totals.
 */
final class IndexComparison {
    /** Heap per index row; {@code druidOwnEstimate} is Druid's own maxBytesInMemory accounting. */
    record Memory(String workload, int events, int druidRows, int tributaryRows, long druidBytes, long tributaryBytes,
            long druidOwnEstimate) {
        double druidPerRow() {
            return (double) druidBytes / druidRows;
        }

        double tributaryPerRow() {
            return (double) tributaryBytes / tributaryRows;
        }
    }

    /** One query's run times in milliseconds; a side that cannot run it has a reason instead. */
    record QueryResult(String query, int rows, Samples druidMillis, Samples tributaryMillis,
            String druidUnsupported, String tributaryUnsupported, String disagreement) {
    }

    record Result(Memory memory, String totalsDisagreement, List<QueryResult> queries) {
    }

    private IndexComparison() {
    }

    static Result run(Workload workload, Options options, PrintStream log) {
        Sides sides = Sides.forWorkload(workload);
        log.printf("%n== memory and queries, %s: %,d events%n", workload.name(), workload.events().size());
        sides.tributary().deviations().forEach(d -> log.println("   Tributary: " + d));

        long before = HeapMeter.usedAfterGc();
        EngineIndex druid = Sides.buildFromJson(sides.druid(), workload.events());
        long afterDruid = HeapMeter.usedAfterGc();
        EngineIndex tributary = Sides.buildFromJson(sides.tributary(), workload.events());
        long afterTributary = HeapMeter.usedAfterGc();
        Memory memory = new Memory(workload.name(), workload.events().size(), druid.rowCount(), tributary.rowCount(),
                afterDruid - before, afterTributary - afterDruid,
                ((DruidEngine.DruidIndex) druid).estimatedBytesInMemory());
        log.printf("   rows: Druid %,d, Tributary %,d; heap bytes/row: Druid %.0f (own estimate %.0f), Tributary %.0f%n",
                memory.druidRows(), memory.tributaryRows(), memory.druidPerRow(),
                (double) memory.druidOwnEstimate() / memory.druidRows(), memory.tributaryPerRow());

        String totals = totalsDisagreement(druid, tributary, memory);
        log.println("   same events, same index? " + (totals == null ? "yes: same row count and totals" : "NO: " + totals));

        Map<Engine, EngineIndex> indexes = new IdentityHashMap<>();
        indexes.put(sides.druid(), druid);
        indexes.put(sides.tributary(), tributary);
        List<QueryResult> queries = new ArrayList<>();
        for (BenchQuery query : BenchQueries.ALL) {
            queries.add(measure(query, sides, indexes, options, log));
        }
        return new Result(memory, totals, queries);
    }

    private static String totalsDisagreement(EngineIndex druid, EngineIndex tributary, Memory memory) {
        if (memory.druidRows() != memory.tributaryRows()) {
            return "row counts differ";
        }
        PreparedQuery d = druid.prepare(BenchQueries.TOTALS.json());
        PreparedQuery t = tributary.prepare(BenchQueries.TOTALS.json());
        return ResultsComparison.difference(d.toJson(d.run()), t.toJson(t.run()));
    }

    private static QueryResult measure(BenchQuery query, Sides sides, Map<Engine, EngineIndex> indexes,
            Options options, PrintStream log) {
        Map<Engine, PreparedQuery> prepared = new IdentityHashMap<>();
        Map<Engine, String> unsupported = new IdentityHashMap<>();
        for (Engine engine : sides.inOrder(0)) {
            try {
                prepared.put(engine, indexes.get(engine).prepare(query.json()));
            } catch (UnsupportedQueryException e) {
                unsupported.put(engine, e.getMessage());
                log.printf("   %-9s %s: not supported: %s%n", engine.name(), query.name(), e.getMessage());
            }
        }
        String disagreement = null;
        if (prepared.size() == 2) {
            PreparedQuery d = prepared.get(sides.druid());
            PreparedQuery t = prepared.get(sides.tributary());
            disagreement = ResultsComparison.difference(d.toJson(d.run()), t.toJson(t.run()));
            if (disagreement != null) {
                log.printf("   WARNING %s: results differ at %s%n", query.name(), disagreement);
            }
        }
        Map<Engine, Samples> millis = new IdentityHashMap<>();
        for (int round = 0; round < options.queryWarmups() + options.queryRuns(); round++) {
            for (Engine engine : sides.inOrder(round)) {
                PreparedQuery q = prepared.get(engine);
                if (q == null) {
                    continue;
                }
                long start = System.nanoTime();
                Object results = q.run();
                double ms = (System.nanoTime() - start) / 1e6;
                if (results == null) {
                    throw new IllegalStateException("no results");
                }
                if (round >= options.queryWarmups()) {
                    millis.computeIfAbsent(engine, e -> new Samples()).add(ms);
                }
            }
        }
        int rows = indexes.get(sides.druid()).rowCount();
        QueryResult result = new QueryResult(query.name(), rows, millis.get(sides.druid()), millis.get(sides.tributary()),
                unsupported.get(sides.druid()), unsupported.get(sides.tributary()), disagreement);
        log.printf("   %-52s Druid %s   Tributary %s%n", query.name(), describe(result.druidMillis(), rows),
                describe(result.tributaryMillis(), rows));
        return result;
    }

    private static String describe(Samples millis, int rows) {
        return millis == null ? "n/a" : String.format("%8.1f ms (%,.0f rows/s)", millis.median(), rows * 1000 / millis.median());
    }
}
