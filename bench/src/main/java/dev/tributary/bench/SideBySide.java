package dev.tributary.bench;

import dev.tributary.bench.workload.BasicWorkload;
import dev.tributary.bench.workload.KafkaLikeWorkload;
import dev.tributary.bench.workload.Workload;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Tributary against Apache Druid's processing engine, in one JVM, on the same events: ingest
 * throughput (Druid's "basic" schema and a Kafka-like one), query time on a live index, and heap
 * bytes per row. Prints progress, then Markdown tables of medians and Tributary/Druid ratios.
 *
 * <p>Run: {@code bench/run-side-by-side.sh [--quick]} (see BENCHMARKS.md).
 */
public final class SideBySide {
    private SideBySide() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        long started = System.nanoTime();
        out.println("Tributary vs Druid side-by-side, " + options);
        out.println(environment());

        out.println("generating events ...");
        Workload kafka = KafkaLikeWorkload.generate(Math.max(options.queryEvents(), options.ingestEvents()));
        Workload basic = BasicWorkload.generate(options.ingestEvents());

        List<IngestComparison.Result> ingest = new ArrayList<>();
        ingest.addAll(IngestComparison.run(basic, options, out));
        ingest.addAll(IngestComparison.run(kafka.first(options.ingestEvents()), options, out));
        basic = null; // its events and indexes must be collectable before the index memory is measured
        IndexComparison.Result index = IndexComparison.run(kafka.first(options.queryEvents()), options, out);

        out.println();
        Report.print(out, options, ingest, index);
        out.printf("%nwhole run: %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    public static String environment() {
        Runtime runtime = Runtime.getRuntime();
        return String.format("java %s (%s), %d CPUs, max heap %,d MB, GC %s, JVM args %s",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), runtime.availableProcessors(),
                runtime.maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList(),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
}
