package dev.tributary.bench;

import dev.tributary.bench.engine.Engine;
import dev.tributary.bench.engine.EngineIndex;
import dev.tributary.bench.measure.HeapMeter;
import dev.tributary.bench.measure.Samples;
import dev.tributary.bench.workload.Workload;
import java.io.PrintStream;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Ingest throughput, one thread per side: events per second from JSON bytes to queryable row
 * ("json+add": the engine's JSON parsing, then the index add), and the add alone on events the
 * engine parsed beforehand ("add only"). Every iteration builds a fresh index from all the events,
 * after a full GC so that one side's garbage is not collected on the other's clock.
 */
final class IngestComparison {
    /** One mode's per-iteration rates; rows are what each side's index held after the last iteration. */
    record Result(String workload, String mode, int events, Samples druid, Samples tributary,
            int druidRows, int tributaryRows) {
        double ratio() {
            return tributary.median() / druid.median();
        }
    }

    private IngestComparison() {
    }

    static List<Result> run(Workload workload, Options options, PrintStream log) {
        Sides sides = Sides.forWorkload(workload);
        List<byte[]> events = workload.events();
        log.printf("%n== ingest, %s: %,d events, %,d JSON bytes%n", workload.name(), events.size(), workload.totalBytes());
        sides.tributary().deviations().forEach(d -> log.println("   Tributary: " + d));

        Result json = measure(workload, "json+add", sides, options, log,
                engine -> Sides.buildFromJson(engine, events));

        Map<Engine, List<Object>> parsed = new IdentityHashMap<>();
        parsed.put(sides.druid(), Sides.parseAll(sides.druid(), events));
        parsed.put(sides.tributary(), Sides.parseAll(sides.tributary(), events));
        Result addOnly = measure(workload, "add only", sides, options, log,
                engine -> Sides.buildFromParsed(engine, parsed.get(engine)));
        return List.of(json, addOnly);
    }

    private static Result measure(Workload workload, String mode, Sides sides, Options options, PrintStream log,
            Function<Engine, EngineIndex> build) {
        int events = workload.events().size();
        Map<Engine, Samples> rates = new IdentityHashMap<>();
        Map<Engine, Integer> rows = new IdentityHashMap<>();
        for (int round = 0; round < options.warmups() + options.iterations(); round++) {
            boolean measured = round >= options.warmups();
            for (Engine engine : sides.inOrder(round)) {
                HeapMeter.usedAfterGc();
                long start = System.nanoTime();
                EngineIndex index = build.apply(engine);
                long nanos = System.nanoTime() - start;
                double perSecond = events * 1e9 / nanos;
                rows.put(engine, index.rowCount());
                if (measured) {
                    rates.computeIfAbsent(engine, e -> new Samples()).add(perSecond);
                }
                log.printf("   %-9s %-8s %-7s %,12.0f events/s  (%,d rows)%n", engine.name(), mode,
                        measured ? "run " + (round - options.warmups() + 1) : "warm-up", perSecond, index.rowCount());
            }
        }
        return new Result(workload.name(), mode, events, rates.get(sides.druid()), rates.get(sides.tributary()),
                rows.get(sides.druid()), rows.get(sides.tributary()));
    }
}
