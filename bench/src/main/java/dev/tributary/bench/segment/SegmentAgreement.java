package dev.tributary.bench.segment;

import dev.tributary.bench.engine.EngineIndex;
import dev.tributary.bench.engine.PreparedQuery;
import dev.tributary.bench.engine.ResultsComparison;
import dev.tributary.bench.engine.UnsupportedQueryException;
import dev.tributary.bench.workload.BenchQueries.BenchQuery;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must hold before a query on the persisted segments is timed: each side's segment has the rows
 * of the live index it was persisted from and answers every query as that index did, and the two
 * sides' segments hold the same row count and answer alike (numbers to 1e-9 relative).
 */
final class SegmentAgreement {
    private SegmentAgreement() {
    }

    /** Every disagreement found, each said in a line; empty when all agree. */
    static List<String> check(SegmentSides sides, Map<SegmentEngine, EngineIndex> live,
            Map<SegmentEngine, LoadedSegment> loaded, List<BenchQuery> queries, PrintStream log) {
        List<String> problems = new ArrayList<>();
        for (SegmentEngine side : sides.all()) {
            if (loaded.get(side).rowCount() != live.get(side).rowCount()) {
                problems.add(String.format("%s: the segment has %,d rows, the index it was persisted from %,d",
                        side.name(), loaded.get(side).rowCount(), live.get(side).rowCount()));
            }
        }
        if (sides.tributary() != null && loaded.get(sides.druid()).rowCount() != loaded.get(sides.tributary()).rowCount()) {
            problems.add(String.format("row counts differ: Druid %,d, Tributary %,d",
                    loaded.get(sides.druid()).rowCount(), loaded.get(sides.tributary()).rowCount()));
        }
        for (BenchQuery query : queries) {
            Map<SegmentEngine, String> answers = new IdentityHashMap<>();
            for (SegmentEngine side : sides.all()) {
                try {
                    String persisted = answer(loaded.get(side).prepare(query.json()));
                    String difference = ResultsComparison.difference(answer(live.get(side).prepare(query.json())), persisted);
                    if (difference != null) {
                        problems.add(side.name() + ", " + query.name() + ": the segment answers unlike its live index, at "
                                + difference);
                    }
                    answers.put(side, persisted);
                } catch (UnsupportedQueryException e) {
                    log.printf("   %-9s %s: not supported: %s%n", side.name(), query.name(), e.getMessage());
                }
            }
            if (answers.size() == 2) {
                String difference = ResultsComparison.difference(answers.get(sides.druid()), answers.get(sides.tributary()));
                if (difference != null) {
                    problems.add(query.name() + ": Druid's and Tributary's segments differ at " + difference);
                }
            }
        }
        problems.forEach(problem -> log.println("   WARNING " + problem));
        return problems;
    }

    private static String answer(PreparedQuery query) {
        return query.toJson(query.run());
    }
}
