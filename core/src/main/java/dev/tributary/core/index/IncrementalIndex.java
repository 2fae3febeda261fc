package dev.tributary.core.index;

import dev.tributary.core.aggregation.Aggregator;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.ColumnSelectorFactory;
import dev.tributary.core.aggregation.ColumnValueSelector;
import dev.tributary.core.aggregation.Values;
import dev.tributary.core.input.InputRow;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.DimensionSchema;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The live, queryable in-memory index of one sink: rows keyed by (queryGranularity-truncated time,
 * dimension values), rolled up with the spec's metrics, or one row per event when rollup is off.
 *
 * <p>Threading: one writer calls {@link #add}; any number of query threads read through
 * {@link #cursor}. A read-write lock orders them, so a reader never sees a half-written row.
 */
public final class IncrementalIndex implements CursorFactory {
    private final String dataSource;
    private final Granularity queryGranularity;
    private final boolean rollup;
    private final List<AggregatorFactory> metrics;
    private final boolean schemaless;
    private final List<DimensionEncoder> dimensions = new ArrayList<>();
    private final Map<String, Integer> dimensionIndex = new HashMap<>();
    private final Map<String, Integer> metricIndex = new HashMap<>();
    private final Map<RowKey, Row> rolledUp = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** The event the writer is aggregating; ingest-time selectors read it. Writer thread only. */
    private InputRow current;
    private long minTime = Long.MAX_VALUE;
    private long maxTime = Long.MIN_VALUE;

    public IncrementalIndex(DataSchema schema) {
        this.dataSource = schema.dataSource();
        this.queryGranularity = schema.granularitySpec().queryGranularity();
        this.rollup = schema.granularitySpec().rollup();
        this.metrics = schema.metricsSpec();
        this.schemaless = schema.dimensionsSpec().isSchemaless();
        schema.dimensionsSpec().dimensions().forEach(this::addDimension);
        for (int i = 0; i < metrics.size(); i++) {
            metricIndex.put(metrics.get(i).name(), i);
        }
    }

    private int addDimension(DimensionSchema schema) {
        int position = dimensions.size();
        dimensions.add(new DimensionEncoder(schema));
        dimensionIndex.put(schema.name(), position);
        return position;
    }

    /**
     * Adds one event: rolls it into the row with the same key, or starts a new row.
     * Writer thread only.
     */
    public void add(InputRow event) {
        long time = queryGranularity == Granularity.ALL ? event.timestamp() : queryGranularity.bucketStart(event.timestamp());
        lock.writeLock().lock();
        try {
            Object[] key = new Object[dimensions.size()];
            for (String name : event.dimensions()) {
                Integer position = dimensionIndex.get(name);
                if (position == null) {
                    if (!schemaless) {
                        continue;
                    }
                    position = addDimension(DimensionSchema.ofName(name));
                    key = Arrays.copyOf(key, dimensions.size());
                }
                key[position] = dimensions.get(position).encode(event.get(name));
            }
            Row row = rollup ? rolledUp.get(new RowKey(time, trimTrailingNulls(key))) : null;
            if (row == null) {
                row = new Row(time, trimTrailingNulls(key), newAggregators());
                if (rollup) {
                    rolledUp.put(new RowKey(time, row.dims), row);
                }
                rows.add(row);
                minTime = Math.min(minTime, time);
                maxTime = Math.max(maxTime, time);
            }
            current = event;
            for (Aggregator aggregator : row.metrics) {
                aggregator.aggregate();
            }
            current = null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Aggregator[] newAggregators() {
        Aggregator[] aggregators = new Aggregator[metrics.size()];
        ColumnSelectorFactory ingestColumns = field -> Values.selector(() -> current.get(field));
        for (int i = 0; i < aggregators.length; i++) {
            aggregators[i] = metrics.get(i).factorize(ingestColumns);
        }
        return aggregators;
    }

    private static Object[] trimTrailingNulls(Object[] key) {
        int length = key.length;
        while (length > 0 && key[length - 1] == null) {
            length--;
        }
        return length == key.length ? key : Arrays.copyOf(key, length);
    }

    /** Rows in the index (after rollup). */
    public int rowCount() {
        lock.readLock().lock();
        try {
            return rows.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A rough estimate of the heap the rows take, in bytes. */
    public long estimatedBytes() {
        lock.readLock().lock();
        try {
            return rows.size() * (64L + 16L * dimensions.size() + 48L * metrics.size());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The dimension names, in schema order (schemaless ones in order of first appearance). */
    public List<String> dimensionNames() {
        lock.readLock().lock();
        try {
            return dimensions.stream().map(DimensionEncoder::name).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public String dataSource() {
        return dataSource;
    }

    @Override
    public Interval dataInterval() {
        lock.readLock().lock();
        try {
            return rows.isEmpty() ? null : new Interval(minTime, maxTime + 1);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Cursor cursor(Interval interval) {
        lock.readLock().lock();
        return new RowCursor(interval);
    }

    private record RowKey(long time, Object[] dims) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey other && time == other.time && Arrays.deepEquals(dims, other.dims);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(time) * 31 + Arrays.deepHashCode(dims);
        }
    }

    private record Row(long time, Object[] dims, Aggregator[] metrics) {
    }

    /** Holds the read lock from creation to {@link #close()}. */
    private final class RowCursor implements Cursor, ColumnSelectorFactory {
        private final Interval interval;
        private final int size = rows.size();
        private int position = -1;
        private Row row;
        private boolean closed;

        RowCursor(Interval interval) {
            this.interval = interval;
        }

        @Override
        public boolean advance() {
            while (++position < size) {
                Row candidate = rows.get(position);
                if (interval.contains(candidate.time)) {
                    row = candidate;
                    return true;
                }
            }
            row = null;
            return false;
        }

        @Override
        public long time() {
            return row.time;
        }

        @Override
        public ColumnSelectorFactory columns() {
            return this;
        }

        @Override
        public ColumnValueSelector makeSelector(String column) {
            if ("__time".equals(column)) {
                return Values.selector(() -> row.time);
            }
            Integer metric = metricIndex.get(column);
            if (metric != null) {
                return Values.selector(() -> row.metrics[metric].get());
            }
            Integer dimension = dimensionIndex.get(column);
            if (dimension != null) {
                DimensionEncoder encoder = dimensions.get(dimension);
                return Values.selector(() -> dimension < row.dims.length ? encoder.decode(row.dims[dimension]) : null);
            }
            return ColumnValueSelector.NIL;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                lock.readLock().unlock();
            }
        }
    }
}
