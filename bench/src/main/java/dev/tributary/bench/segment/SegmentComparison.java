package dev.tributary.bench.segment;

import dev.tributary.bench.SideBySide;
import dev.tributary.bench.engine.EngineIndex;
import dev.tributary.bench.workload.BenchQueries;
import dev.tributary.bench.workload.BenchQueries.BenchQuery;
import dev.tributary.bench.workload.KafkaLikeWorkload;
import dev.tributary.bench.workload.Workload;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Persisted segments, Tributary against Apache Druid, in one JVM, on the same events: persist
 * throughput and bytes on disk, query time on the persisted segment, and merging a realtime task's
 * hydrants (time and heap). Prints progress, then Markdown tables of medians and Tributary/Druid ratios.
 * Runs Druid's side alone while Tributary's is not built ({@link SegmentSides}).
 *
 * <p>Run: {@code bench/run-segments.sh [--quick]}.
 */
public final class SegmentComparison {
    /** The aggregation scan: count, longSum, longMax and doubleSum over every row. */
    static final BenchQuery SCAN = BenchQueries.byId("timeseriesAll");
    /** The three queries on the persisted segment. */
    static final List<BenchQuery> QUERIES = List.of(SCAN, BenchQueries.byId("topN"), BenchQueries.byId("groupBy"));

    /**
     * Everything one run measured.
     *
     * @param events events behind the persisted segment
     * @param persist each side's persists
     * @param problems where the persisted segments disagree with their live indexes or with each other
     * @param queries each query's times
     * @param merge each side's merges
     */
    record Results(SegmentSides sides, int events, Map<SegmentEngine, PersistComparison.Side> persist,
            List<String> problems, List<SegmentQueryComparison.Timing> queries, MergeComparison.Result merge) {
    }

    private SegmentComparison() {
    }

    public static void main(String[] args) {
        SegmentOptions options;
        try {
            options = SegmentOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        long started = System.nanoTime();
        out.println("Tributary vs Druid, persisted segments, " + options);
        out.println(SideBySide.environment());
        out.println("load average at the start: " + loadAverage());
        Results results = run(options, out);
        out.println();
        SegmentReport.print(out, options, results);
        out.printf("%nload average at the end: %s; whole run: %.0f s%n", loadAverage(), (System.nanoTime() - started) / 1e9);
    }

    static Results run(SegmentOptions options, PrintStream log) {
        log.println("generating events ...");
        Workload workload = KafkaLikeWorkload.generate(options.events());
        Path work = workDirectory(options);
        try (SegmentSides sides = SegmentSides.forWorkload(workload, workload.events().size() + 1)) {
            if (sides.tributary() == null) {
                log.println("Tributary's side is " + sides.tributaryAbsence() + "; Druid's side runs alone");
            }
            Map<SegmentEngine, EngineIndex> live = new LinkedHashMap<>();
            for (SegmentEngine side : sides.all()) {
                EngineIndex index = side.engine().newIndex();
                for (byte[] event : workload.events()) {
                    index.add(side.engine().parse(event));
                }
                live.put(side, index);
                log.printf("   %-9s in-memory index: %,d events, %,d rows%n", side.name(), workload.events().size(),
                        index.rowCount());
            }
            Map<SegmentEngine, PersistComparison.Side> persist = PersistComparison.run(sides, live, options, work, log);

            Map<SegmentEngine, LoadedSegment> loaded = new LinkedHashMap<>();
            try {
                for (SegmentEngine side : sides.all()) {
                    loaded.put(side, side.load(persist.get(side).directory()));
                }
                List<BenchQuery> checked = new ArrayList<>(QUERIES);
                checked.add(0, BenchQueries.TOTALS);
                List<String> problems = SegmentAgreement.check(sides, live, loaded, checked, log);
                log.println("   persisted segments agree with their live indexes" + (sides.tributary() == null ? "" : " and each other")
                        + "? " + (problems.isEmpty() ? "yes: row counts and every query's results" : "NO"));
                live.clear(); // the indexes are not needed any more; their heap is the queries' to use
                List<SegmentQueryComparison.Timing> queries = SegmentQueryComparison.run(sides, loaded, QUERIES, options, log);
                loaded.values().forEach(LoadedSegment::close);
                loaded.clear();

                MergeComparison.Result merge = MergeComparison.run(sides, workload.events(), options, work, log);
                return new Results(sides, workload.events().size(), persist, problems, queries, merge);
            } finally {
                loaded.values().forEach(LoadedSegment::close);
            }
        } finally {
            Directories.delete(work);
        }
    }

    /** A fresh directory, inside the one asked for if any; removed at the end of the run. */
    private static Path workDirectory(SegmentOptions options) {
        try {
            return options.workDirectory() == null
                    ? Files.createTempDirectory("tributary-segments")
                    : Files.createTempDirectory(Files.createDirectories(options.workDirectory()), "tributary-segments");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the segments", e);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
