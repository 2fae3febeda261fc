package dev.tributary.worker.realtime;

import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.input.InputRow;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.TuningConfig;
import dev.tributary.core.spi.Plumber;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The walking skeleton's plumber: one sink per segmentGranularity bucket, queryable at once. When a
 * sink's live index reaches maxRowsInMemory or maxBytesInMemory it starts a fresh one (where the
 * persisting plumber will persist). It keeps every row in memory: it neither persists nor hands off,
 * and the firehose commits nothing, so a restart re-reads the topic from the group's reset position.
 */
public final class InMemoryPlumber implements Plumber {
    private final DataSchema schema;
    private final int maxRowsInMemory;
    private final long maxBytesInMemory;
    private final Granularity segmentGranularity;
    private final List<Interval> acceptedIntervals;
    /** Written by the ingestion thread, read by query threads. */
    private final ConcurrentSkipListMap<Long, Sink> sinks = new ConcurrentSkipListMap<>();

    public InMemoryPlumber(DataSchema schema, TuningConfig tuning) {
        this.schema = schema;
        this.maxRowsInMemory = tuning.maxRowsInMemory();
        this.maxBytesInMemory = tuning.maxBytesInMemoryOrDefault();
        this.segmentGranularity = schema.granularitySpec().segmentGranularity();
        this.acceptedIntervals = schema.granularitySpec().intervals();
    }

    @Override
    public boolean add(InputRow row) {
        if (!acceptedIntervals.isEmpty() && acceptedIntervals.stream().noneMatch(i -> i.contains(row.timestamp()))) {
            return false;
        }
        long bucket = segmentGranularity.bucketStart(row.timestamp());
        Sink sink = sinks.get(bucket);
        if (sink == null) {
            sink = new Sink(segmentGranularity.bucket(row.timestamp()),
                    () -> new IncrementalIndex(schema, maxRowsInMemory, maxBytesInMemory));
            sinks.put(bucket, sink);
        }
        sink.add(row);
        return true;
    }

    @Override
    public List<? extends QueryableIndex> queryablePieces() {
        return sinks.values().stream().flatMap(s -> s.hydrants().stream()).toList();
    }

    /** Rows in memory across all sinks. */
    public long rowsInMemory() {
        return sinks.values().stream().mapToLong(Sink::rowCount).sum();
    }

    /** Estimated heap bytes of the rows in memory across all sinks. */
    public long bytesInMemory() {
        return sinks.values().stream().mapToLong(Sink::estimatedBytes).sum();
    }

    /** Hydrants across all sinks. */
    public int hydrantCount() {
        return sinks.values().stream().mapToInt(s -> s.hydrants().size()).sum();
    }

    public int sinkCount() {
        return sinks.size();
    }

    @Override
    public void close() {
        sinks.clear();
    }
}
