package dev.tributary.bench.segment;

import dev.tributary.bench.engine.EngineIndex;
import dev.tributary.bench.measure.HeapMeter;
import dev.tributary.bench.measure.Samples;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Persist throughput and size on disk: each side writes its in-memory index of the same events to disk,
 * again and again (sides alternating, each time to a fresh directory, after a full GC), and the median
 * time is reported. The last segment each side wrote is kept for the query benchmarks.
 */
final class PersistComparison {
    /**
     * One side's persists.
     *
     * @param millis the measured persists' times
     * @param written what the last persist wrote
     * @param directory where it is
     */
    record Side(Samples millis, WrittenSegment written, Path directory) {
        double rowsPerSecond() {
            return written.rows() * 1000.0 / millis.median();
        }
    }

    private PersistComparison() {
    }

    /** Each side's persists of its index in {@code live}. */
    static Map<SegmentEngine, Side> run(SegmentSides sides, Map<SegmentEngine, EngineIndex> live, SegmentOptions options,
            Path work, PrintStream log) {
        log.printf("%n== persist: %d warm-up and %d measured persists a side%n", options.persistWarmups(),
                options.persistRuns());
        Map<SegmentEngine, Samples> millis = new LinkedHashMap<>();
        Map<SegmentEngine, WrittenSegment> written = new LinkedHashMap<>();
        Map<SegmentEngine, Path> kept = new LinkedHashMap<>();
        for (int round = 0; round < options.persistWarmups() + options.persistRuns(); round++) {
            for (SegmentEngine side : sides.inOrder(round)) {
                Path directory = work.resolve(side.name().toLowerCase()).resolve("persisted-" + round);
                HeapMeter.usedAfterGc(); // the other side's garbage is not this persist's to collect
                long start = System.nanoTime();
                WrittenSegment segment = side.persist(live.get(side), directory);
                double ms = (System.nanoTime() - start) / 1e6;
                if (round >= options.persistWarmups()) {
                    millis.computeIfAbsent(side, s -> new Samples()).add(ms);
                }
                written.put(side, segment);
                Path previous = kept.put(side, directory);
                if (previous != null) {
                    Directories.delete(previous);
                }
                log.printf("   %-9s %s: %,d rows in %,.0f ms, %,d bytes on disk%n", side.name(),
                        round < options.persistWarmups() ? "warm-up" : "persist " + (round - options.persistWarmups() + 1),
                        segment.rows(), ms, segment.bytes());
            }
        }
        Map<SegmentEngine, Side> result = new LinkedHashMap<>();
        for (SegmentEngine side : sides.all()) {
            result.put(side, new Side(millis.get(side), written.get(side), kept.get(side)));
        }
        return result;
    }
}
