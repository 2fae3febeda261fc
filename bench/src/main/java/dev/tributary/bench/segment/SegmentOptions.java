package dev.tributary.bench.segment;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * How big and how long a segment benchmark run is.
 *
 * @param events Kafka-like events behind the persisted segment (2.4 million roll up to about a million rows)
 * @param hydrantRows rows per hydrant of the merge benchmark (a realtime task's maxRowsInMemory)
 * @param hydrants hydrants merged into one segment
 * @param persistWarmups persists of each side run and discarded before measuring
 * @param persistRuns persists of each side measured
 * @param queryWarmups runs of each query discarded before measuring
 * @param queryRuns runs of each query measured
 * @param mergeWarmups merges of each side run and discarded before measuring
 * @param mergeRuns merges of each side measured
 * @param workDirectory where segments are written (removed afterwards); null for a fresh temporary directory
 */
record SegmentOptions(int events, int hydrantRows, int hydrants, int persistWarmups, int persistRuns,
        int queryWarmups, int queryRuns, int mergeWarmups, int mergeRuns, Path workDirectory) {
    static final SegmentOptions FULL = new SegmentOptions(2_400_000, 100_000, 10, 1, 3, 10, 21, 1, 3, null);
    static final SegmentOptions QUICK = new SegmentOptions(150_000, 8_000, 10, 1, 3, 5, 9, 1, 3, null);

    SegmentOptions {
        if (events < 1 || hydrantRows < 1 || hydrants < 1 || persistRuns < 1 || queryRuns < 1 || mergeRuns < 1
                || persistWarmups < 0 || queryWarmups < 0 || mergeWarmups < 0) {
            throw new IllegalArgumentException("sizes and counts must be positive: " + this);
        }
    }

    static final String USAGE = """
            usage: SegmentComparison [--quick] [--events N] [--hydrant-rows N] [--hydrants N] [--persist-runs N]
                                     [--query-runs N] [--merge-runs N] [--dir PATH]
              --quick            a small run (well under a minute): %s
              (default)          the full run (several minutes): %s
            """.formatted(QUICK, FULL);

    static SegmentOptions parse(String... args) {
        SegmentOptions base = Arrays.asList(args).contains("--quick") ? QUICK : FULL;
        int events = base.events;
        int hydrantRows = base.hydrantRows;
        int hydrants = base.hydrants;
        int persistRuns = base.persistRuns;
        int queryRuns = base.queryRuns;
        int mergeRuns = base.mergeRuns;
        Path workDirectory = base.workDirectory;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> { }
                case "--events" -> events = number(args, ++i);
                case "--hydrant-rows" -> hydrantRows = number(args, ++i);
                case "--hydrants" -> hydrants = number(args, ++i);
                case "--persist-runs" -> persistRuns = number(args, ++i);
                case "--query-runs" -> queryRuns = number(args, ++i);
                case "--merge-runs" -> mergeRuns = number(args, ++i);
                case "--dir" -> workDirectory = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'\n" + USAGE);
            }
        }
        return new SegmentOptions(events, hydrantRows, hydrants, base.persistWarmups, persistRuns, base.queryWarmups,
                queryRuns, base.mergeWarmups, mergeRuns, workDirectory);
    }

    private static int number(String[] args, int at) {
        return Integer.parseInt(value(args, at).replace("_", ""));
    }

    private static String value(String[] args, int at) {
        if (at >= args.length) {
            throw new IllegalArgumentException(args[at - 1] + " needs a value\n" + USAGE);
        }
        return args[at];
    }
}
