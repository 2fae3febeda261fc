package dev.tributary.bench.segment;

import dev.tributary.bench.measure.Samples;
import java.io.PrintStream;

/** A segment benchmark run's results as Markdown tables, ready for BENCHMARKS.md. MB are 2^20 bytes. */
final class SegmentReport {
    /** What one core of the benchmark machine sums, in long values a second (the figure). */
    static final double CORE_LONG_VALUES_PER_SECOND = 2.6e9;
    /**
     * Column values the aggregation scan reads per row: sumBytes and maxLatencyMs (longs) and sumPrice (a
     * double, eight bytes like a long); count reads none.
     */
    static final int SCAN_VALUES_PER_ROW = 3;
    private static final double MB = 1 << 20;

    private SegmentReport() {
    }

    static void print(PrintStream out, SegmentOptions options, SegmentComparison.Results results) {
        SegmentSides sides = results.sides();
        if (sides.tributary() == null) {
            out.printf("Tributary's side: %s. Its columns read n/a.%n%n", sides.tributaryAbsence());
        }
        printPersist(out, options, results, sides);
        out.println();
        out.println(results.problems().isEmpty()
                ? "Each persisted segment holds its live index's rows and answers every query (and the totals) as it did"
                        + (sides.tributary() == null ? "." : "; both sides' segments answer alike.")
                : "WARNING: " + String.join("; ", results.problems()));
        printQueries(out, options, results, sides);
        printMerge(out, options, results.merge(), sides);
    }

    private static void printPersist(PrintStream out, SegmentOptions options, SegmentComparison.Results results,
            SegmentSides sides) {
        PersistComparison.Side druid = results.persist().get(sides.druid());
        PersistComparison.Side tributary = sides.tributary() == null ? null : results.persist().get(sides.tributary());
        out.printf("### Persist: one in-memory index to disk, one thread, median of %d persists%n%n", options.persistRuns());
        out.println("| events | rows | Druid rows/s | Tributary rows/s | Tributary/Druid | Druid MB on disk (B/row) "
                + "| Tributary MB on disk (B/row) | Tributary/Druid size |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        out.printf("| %,d | %,d | %,.0f | %s | %s | %.1f (%.1f) | %s | %s |%n", results.events(), druid.written().rows(),
                druid.rowsPerSecond(),
                tributary == null ? "n/a" : String.format("%,.0f", tributary.rowsPerSecond()),
                tributary == null ? "n/a" : String.format("%.2fx", tributary.rowsPerSecond() / druid.rowsPerSecond()),
                druid.written().bytes() / MB, druid.written().bytesPerRow(),
                tributary == null ? "n/a" : String.format("%.1f (%.1f)", tributary.written().bytes() / MB,
                        tributary.written().bytesPerRow()),
                tributary == null ? "n/a" : String.format("%.2fx", (double) tributary.written().bytes() / druid.written().bytes()));
    }

    private static void printQueries(PrintStream out, SegmentOptions options, SegmentComparison.Results results,
            SegmentSides sides) {
        int rows = results.persist().get(sides.druid()).written().rows();
        out.printf("%n### Queries on the persisted segment, %,d rows, one thread: median of %d runs "
                + "(target: Tributary faster on each, >= 1.5x on the aggregation scan)%n%n", rows, options.queryRuns());
        out.println("| query | Druid ms | Druid rows/s | Tributary ms | Tributary rows/s | Tributary/Druid |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (SegmentQueryComparison.Timing q : results.queries()) {
            Double druid = q.medianMillis(sides.druid());
            Double tributary = q.medianMillis(sides.tributary());
            out.printf("| %s | %s | %s | %s | %s | %s |%n", q.query().name(), millis(druid, q, sides.druid()),
                    rate(druid, q.rows()), millis(tributary, q, sides.tributary()), rate(tributary, q.rows()),
                    druid == null || tributary == null ? "n/a" : String.format("%.2fx", druid / tributary));
        }
        for (SegmentQueryComparison.Timing q : results.queries()) {
            if (q.query() != SegmentComparison.SCAN) {
                continue;
            }
            out.printf("%nAggregation scan against one core's %.1fG long values/s (%d values a row: sumBytes, "
                    + "maxLatencyMs, sumPrice; count reads none):%n", CORE_LONG_VALUES_PER_SECOND / 1e9, SCAN_VALUES_PER_ROW);
            for (SegmentEngine side : sides.all()) {
                Double ms = q.medianMillis(side);
                if (ms != null) {
                    double valuesPerSecond = (double) q.rows() * SCAN_VALUES_PER_ROW * 1000 / ms;
                    out.printf("- %s: %.2fG values/s, %.0f%% of it%n", side.name(), valuesPerSecond / 1e9,
                            100 * valuesPerSecond / CORE_LONG_VALUES_PER_SECOND);
                }
            }
        }
        for (SegmentQueryComparison.Timing q : results.queries()) {
            q.unsupported().forEach((side, reason) -> out.printf("- %s: %s cannot run it (%s)%n", q.query().name(),
                    side.name(), reason));
        }
    }

    private static void printMerge(PrintStream out, SegmentOptions options, MergeComparison.Result merge,
            SegmentSides sides) {
        MergeComparison.Side druid = merge.sides().get(sides.druid());
        MergeComparison.Side tributary = sides.tributary() == null ? null : merge.sides().get(sides.tributary());
        out.printf("%n### Merge: %d hydrants of %,d rows into one segment, one thread, median of %d merges%n%n",
                druid.pieces(), options.hydrantRows(), options.mergeRuns());
        out.println("| hydrants | rows in | rows out | Druid ms | Tributary ms | Tributary/Druid "
                + "| Druid heap MB: peak used / after GC | Tributary heap MB: peak used / after GC |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        out.printf("| %d | %,d | %,d | %,.0f | %s | %s | %s | %s |%n", druid.pieces(), druid.pieceRows(), druid.merged().rows(),
                druid.millis().median(),
                tributary == null ? "n/a" : String.format("%,.0f", tributary.millis().median()),
                tributary == null ? "n/a" : String.format("%.2fx", druid.millis().median() / tributary.millis().median()),
                heap(druid), tributary == null ? "n/a" : heap(tributary));
        out.println();
        out.println("Heap is above a baseline taken after full GCs just before each merge. \"Peak used\" sums the heap "
                + "pools' peaks, garbage included, so it follows the collector's timing; \"after GC\" is the most heap "
                + "still in use after a collection during the merge (\"no GC\" if none ran).");
        out.println(merge.problems().isEmpty()
                ? "Each merged segment holds its hydrants' events and sums (count, longSum, doubleSum)."
                : "WARNING: " + String.join("; ", merge.problems()));
    }

    private static String heap(MergeComparison.Side side) {
        Samples afterGc = side.peakAfterGcMb();
        return String.format("%,.0f / %s", side.peakUsedMb().median(),
                afterGc.isEmpty() ? "no GC" : String.format("%,.0f", afterGc.median()));
    }

    private static String millis(Double ms, SegmentQueryComparison.Timing timing, SegmentEngine side) {
        if (ms != null) {
            return String.format("%.2f", ms);
        }
        return side != null && timing.unsupported().containsKey(side) ? "unsupported" : "n/a";
    }

    private static String rate(Double ms, int rows) {
        return ms == null ? "n/a" : String.format("%,.0f", rows * 1000 / ms);
    }
}
