package dev.tributary.bench.segment;

import dev.tributary.bench.measure.HeapPeak;
import dev.tributary.bench.measure.Samples;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merging a realtime task's hydrants into one segment: each side persists its hydrants of the same
 * events ({@link Hydrants}, not timed), then merges them again and again, the sides alternating, each
 * time into a fresh directory. Each merge's wall time and heap ({@link HeapPeak}: peak used, and peak
 * after GC, above a baseline taken after full GCs) are recorded; the first merges are warm-ups. The
 * last merged segment of each side must hold the events and sums of its pieces put together.
 */
final class MergeComparison {
    /**
     * One side's merges.
     *
     * @param pieces the hydrants merged
     * @param pieceRows the hydrants' rows put together
     * @param merged what the last merge wrote
     * @param millis the measured merges' wall times
     * @param peakUsedMb the measured merges' peak used heap above the baseline, MB
     * @param peakAfterGcMb the same for the peak after GC, of the merges during which a collection ran
     */
    record Side(int pieces, long pieceRows, WrittenSegment merged, Samples millis, Samples peakUsedMb,
            Samples peakAfterGcMb) {
    }

    record Result(Map<SegmentEngine, Side> sides, List<String> problems) {
    }

    private MergeComparison() {
    }

    static Result run(SegmentSides sides, List<byte[]> events, SegmentOptions options, Path work, PrintStream log) {
        log.printf("%n== merge: %d hydrants of %,d rows a side; %d warm-up and %d measured merges a side%n",
                options.hydrants(), options.hydrantRows(), options.mergeWarmups(), options.mergeRuns());
        List<String> problems = new ArrayList<>();
        Map<SegmentEngine, List<Path>> hydrants = new LinkedHashMap<>();
        Map<SegmentEngine, Totals> pieceTotals = new LinkedHashMap<>();
        for (SegmentEngine side : sides.all()) {
            List<Path> pieces = Hydrants.persist(side, events, options.hydrantRows(), options.hydrants(),
                    work.resolve(side.name().toLowerCase()).resolve("hydrants"));
            hydrants.put(side, pieces);
            pieceTotals.put(side, totals(side, pieces));
            log.printf("   %-9s %d hydrants, %,d rows, %,d events%n", side.name(), pieces.size(),
                    pieceTotals.get(side).rows(), pieceTotals.get(side).events());
        }

        Map<SegmentEngine, Measured> measured = new LinkedHashMap<>();
        sides.all().forEach(side -> measured.put(side, new Measured()));
        for (int round = 0; round < options.mergeWarmups() + options.mergeRuns(); round++) {
            for (SegmentEngine side : sides.inOrder(round)) {
                Path directory = work.resolve(side.name().toLowerCase()).resolve("merged-" + round);
                HeapPeak heap = HeapPeak.start();
                long start = System.nanoTime();
                WrittenSegment merged = side.merge(hydrants.get(side), directory);
                double ms = (System.nanoTime() - start) / 1e6;
                HeapPeak.Reading reading = heap.stop();
                log.printf("   %-9s %s: %,d rows in %,.0f ms; heap above baseline: peak used %,d MB, "
                        + "peak after GC %s (%d collections)%n", side.name(),
                        round < options.mergeWarmups() ? "warm-up" : "merge " + (round - options.mergeWarmups() + 1),
                        merged.rows(), ms,
                        reading.peakUsedAboveBaseline() >> 20,
                        reading.collections() == 0 ? "n/a" : (reading.peakAfterGcAboveBaseline() >> 20) + " MB",
                        reading.collections());
                measured.get(side).add(round >= options.mergeWarmups(), ms, reading, merged);
                check(side, directory, merged, pieceTotals.get(side)).stream()
                        .filter(problem -> !problems.contains(problem)).forEach(problems::add);
                Directories.delete(directory);
            }
        }

        Map<SegmentEngine, Side> result = new LinkedHashMap<>();
        for (SegmentEngine side : sides.all()) {
            Measured m = measured.get(side);
            result.put(side, new Side(hydrants.get(side).size(), pieceTotals.get(side).rows(), m.last, m.millis,
                    m.peakUsedMb, m.peakAfterGcMb));
        }
        if (sides.tributary() != null && result.get(sides.druid()).merged().rows() != result.get(sides.tributary()).merged().rows()) {
            problems.add(String.format("merged row counts differ: Druid %,d, Tributary %,d",
                    result.get(sides.druid()).merged().rows(), result.get(sides.tributary()).merged().rows()));
        }
        problems.forEach(problem -> log.println("   WARNING " + problem));
        return new Result(result, problems);
    }

    /** The pieces' totals put together; their rows are the rows before the merge rolls any up. */
    private static Totals totals(SegmentEngine side, List<Path> pieces) {
        Totals sum = new Totals(0, 0, 0, 0);
        for (Path piece : pieces) {
            try (LoadedSegment segment = side.load(piece)) {
                sum = sum.plus(Totals.of(segment));
            }
        }
        return sum;
    }

    /** The merged segment holds the pieces' events and sums, and the rows its merge said it wrote. */
    private static List<String> check(SegmentEngine side, Path directory, WrittenSegment merged, Totals pieces) {
        List<String> problems = new ArrayList<>();
        try (LoadedSegment segment = side.load(directory)) {
            Totals totals = Totals.of(segment);
            if (!totals.sameSums(pieces)) {
                problems.add(side.name() + ": the merged segment's totals " + totals + " are not its pieces' " + pieces);
            }
            if (segment.rowCount() != merged.rows() || totals.rows() != merged.rows() || merged.rows() > pieces.rows()) {
                problems.add(String.format("%s: the merge reported %,d rows; the segment has %,d (query: %,d), the pieces %,d",
                        side.name(), merged.rows(), segment.rowCount(), totals.rows(), pieces.rows()));
            }
        }
        return problems;
    }

    /** One side's measurements so far. */
    private static final class Measured {
        final Samples millis = new Samples();
        final Samples peakUsedMb = new Samples();
        final Samples peakAfterGcMb = new Samples();
        WrittenSegment last;

        void add(boolean measuring, double ms, HeapPeak.Reading reading, WrittenSegment merged) {
            last = merged;
            if (!measuring) {
                return;
            }
            millis.add(ms);
            peakUsedMb.add(reading.peakUsedAboveBaseline() / 1048576.0);
            if (reading.collections() > 0) {
                peakAfterGcMb.add(reading.peakAfterGcAboveBaseline() / 1048576.0);
            }
        }
    }
}
