package dev.tributary.worker.realtime;

import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.time.Interval;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * All hydrants of one (dataSource, segment interval) on this worker: the live index rows go into,
 * and the earlier ones that filled up (maxRowsInMemory / maxBytesInMemory). Until the persisting
 * plumber lands, the full hydrants stay in memory; queries read them all.
 *
 * <p>Threading: {@link #add} is called by the ingestion thread only; {@link #hydrants} by any thread.
 */
final class Sink {
    private final Interval interval;
    private final Supplier<IncrementalIndex> newIndex;
    private final List<IncrementalIndex> hydrants = new CopyOnWriteArrayList<>();
    private volatile IncrementalIndex current;

    Sink(Interval interval, Supplier<IncrementalIndex> newIndex) {
        this.interval = interval;
        this.newIndex = newIndex;
        this.current = newIndex.get();
        hydrants.add(current);
    }

    Interval interval() {
        return interval;
    }

    void add(dev.tributary.core.input.InputRow row) {
        if (current.isFull()) {
            current = newIndex.get();
            hydrants.add(current);
        }
        current.add(row);
    }

    List<? extends QueryableIndex> hydrants() {
        return hydrants;
    }

    long rowCount() {
        return hydrants.stream().mapToLong(IncrementalIndex::rowCount).sum();
    }

    long estimatedBytes() {
        return hydrants.stream().mapToLong(IncrementalIndex::estimatedBytes).sum();
    }
}
