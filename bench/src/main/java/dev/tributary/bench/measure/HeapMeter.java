package dev.tributary.bench.measure;

/**
 * Used heap after a full collection. Measuring an index as the difference of two such readings, one
 * before it is built and one after (with only the index newly reachable), counts everything the index
 * keeps alive: rows, dictionaries, maps, aggregator state. The same method serves both engines.
 */
public final class HeapMeter {
    private HeapMeter() {
    }

    /** Used heap bytes once repeated full GCs stop freeing more than 0.1%. */
    public static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = runtime.totalMemory() - runtime.freeMemory();
            if (i >= 2 && previous - used < previous / 1000) {
                return used;
            }
            previous = used;
        }
        return previous;
    }
}
