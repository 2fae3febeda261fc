package dev.tributary.bench;

/**
 * How big and how long a side-by-side run is.
 *
 * @param ingestEvents events per ingest iteration, for each schema
 * @param queryEvents Kafka-like events behind the query and memory index (2.4 million make about a million rows)
 * @param warmups ingest iterations run and discarded before measuring
 * @param iterations ingest iterations measured
 * @param queryWarmups runs of each query discarded before measuring
 * @param queryRuns runs of each query measured
 */
record Options(int ingestEvents, int queryEvents, int warmups, int iterations, int queryWarmups, int queryRuns) {
    static final Options FULL = new Options(300_000, 2_400_000, 5, 5, 5, 9);
    static final Options QUICK = new Options(50_000, 150_000, 1, 3, 2, 5);

    Options {
        if (ingestEvents < 1 || queryEvents < 1 || warmups < 0 || iterations < 1 || queryWarmups < 0 || queryRuns < 1) {
            throw new IllegalArgumentException("sizes and counts must be positive: " + this);
        }
    }

    static final String USAGE = """
            usage: SideBySide [--quick] [--ingest-events N] [--query-events N] [--iterations N] [--query-runs N]
              --quick            a small run (about a minute): %s
              (default)          the full run (several minutes): %s
            """.formatted(QUICK, FULL);

    static Options parse(String... args) {
        boolean quick = java.util.Arrays.asList(args).contains("--quick");
        Options base = quick ? QUICK : FULL;
        int ingestEvents = base.ingestEvents;
        int queryEvents = base.queryEvents;
        int iterations = base.iterations;
        int queryRuns = base.queryRuns;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> { }
                case "--ingest-events" -> ingestEvents = number(args, ++i);
                case "--query-events" -> queryEvents = number(args, ++i);
                case "--iterations" -> iterations = number(args, ++i);
                case "--query-runs" -> queryRuns = number(args, ++i);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'\n" + USAGE);
            }
        }
        return new Options(ingestEvents, queryEvents, base.warmups, iterations, base.queryWarmups, queryRuns);
    }

    private static int number(String[] args, int at) {
        if (at >= args.length) {
            throw new IllegalArgumentException(args[at - 1] + " needs a number\n" + USAGE);
        }
        return Integer.parseInt(args[at].replace("_", ""));
    }
}
