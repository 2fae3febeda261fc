package dev.tributary.worker.plumber;

import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.input.InputRow;
import dev.tributary.core.time.Interval;
import dev.tributary.worker.metadata.DataSegment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * All hydrants of one (dataSource, segment interval) on this worker: the live one rows go into, the
 * ones swapped out and being persisted, and the persisted ones.
 *
 * <p>Threading: {@link #add}, {@link #swap}, {@link #remove} and {@link #startHandoff} on the ingestion thread;
 * {@link #hydrants} from any thread (a copy-on-write list).
 */
final class Sink {
    private final Interval interval;
    private final DataSegment segment;
    private volatile boolean handingOff;
    private final Supplier<IncrementalIndex> newIndex;
    private final List<Hydrant> hydrants = new CopyOnWriteArrayList<>();
    private volatile Hydrant current;
    private int nextNumber;

    /**
     * @param segment  the segment this sink becomes at handoff (its id is announced for the live sink too)
     * @param restored persisted hydrants from an earlier run, in number order
     */
    Sink(DataSegment segment, Supplier<IncrementalIndex> newIndex, List<Hydrant> restored) {
        this.interval = segment.interval();
        this.segment = segment;
        this.newIndex = newIndex;
        hydrants.addAll(restored);
        nextNumber = restored.stream().mapToInt(Hydrant::number).max().orElse(-1) + 1;
        current = fresh();
    }

    private Hydrant fresh() {
        Hydrant hydrant = new Hydrant(nextNumber++, newIndex.get(), false);
        hydrants.add(hydrant);
        return hydrant;
    }

    Interval interval() {
        return interval;
    }

    DataSegment segment() {
        return segment;
    }

    /** True once handoff began: the sink takes no more rows. */
    boolean handingOff() {
        return handingOff;
    }

    void startHandoff() {
        handingOff = true;
    }

    void add(InputRow row) {
        current.live().add(row);
    }

    boolean isFull() {
        return current.live().isFull();
    }

    int rowsInMemory() {
        return current.live().rowCount();
    }

    long bytesInMemory() {
        return current.live().estimatedBytes();
    }

    /** Starts a fresh live hydrant and returns the previous one to persist, or null if it had no rows. */
    Hydrant swap() {
        Hydrant full = current;
        if (full.live().rowCount() == 0) {
            return null;
        }
        current = fresh();
        return full;
    }

    /** Drops a hydrant from the sink (its rows are no longer served); a live one is replaced by a fresh one. */
    void remove(Hydrant hydrant) {
        hydrants.remove(hydrant);
        if (hydrant == current) {
            current = fresh();
        }
    }

    List<Hydrant> hydrants() {
        return hydrants;
    }
}
