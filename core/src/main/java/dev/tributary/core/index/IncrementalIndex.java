package dev.tributary.core.index;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.MetricColumn;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.NumericColumn;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The live, queryable in-memory index of one sink, stored by column: a time column, one
 * {@link DimensionIndexer} per dimension and one {@link MetricColumn} per metric. With rollup, an
 * event whose (queryGranularity-truncated time, dimension values) matches an existing row is folded
 * into it, found through an open-addressing hash table of row numbers; without rollup every event is
 * a new row.
 *
 * <p>Threading: one writer calls {@link #add}; any number of query threads read through
 * {@link #scan}, which visits rows in blocks under a read lock while {@code add} holds the write lock,
 * so a reader never sees a half-written row and the writer waits at most one block.
 */
public final class IncrementalIndex implements QueryableIndex {
    /** Rows a reader visits per read-lock hold. */
    static final int SCAN_BLOCK = 8192;

    private final String dataSource;
    private final int maxRows;
    private final long maxBytes;
    private final Granularity queryGranularity;
    private final boolean rollup;
    private final boolean schemaless;
    private final List<AggregatorFactory> metricSpecs;
    private final MetricColumn[] metrics;
    private final Map<String, Column> metricColumns = new HashMap<>();
    private final List<String> dimensionNames = new CopyOnWriteArrayList<>();
    private final Map<String, DimensionIndexer> dimensionsByName = new java.util.concurrent.ConcurrentHashMap<>();
    private DimensionIndexer[] dimensions;
    /** Each dimension's key part for null, so that the row hash ignores trailing nulls. */
    private long[] nullKeys = new long[0];
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TimeColumn time = new TimeColumn();

    /**
     * Open-addressing table of rows: each slot packs (row hash, row + 1) into a long, 0 for an empty
     * slot, so a probe past another row's slot needs no look at that row. Writer only.
     */
    private long[] table = new long[1 << 12];
    private long[] keyScratch = new long[0];
    private volatile int rowCount;
    private volatile long minTime = Long.MAX_VALUE;
    private volatile long maxTime = Long.MIN_VALUE;
    private volatile long maxEventTime = Long.MIN_VALUE;

    /** An index without memory bounds. */
    public IncrementalIndex(DataSchema schema) {
        this(schema, Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * @param maxRows {@link #isFull()} once the index holds this many rows ({@code maxRowsInMemory})
     * @param maxBytes {@link #isFull()} once {@link #estimatedBytes()} reaches this ({@code maxBytesInMemory})
     */
    public IncrementalIndex(DataSchema schema, int maxRows, long maxBytes) {
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.dataSource = schema.dataSource();
        this.queryGranularity = schema.granularitySpec().queryGranularity();
        this.rollup = schema.granularitySpec().rollup();
        this.schemaless = schema.dimensionsSpec().isSchemaless();
        this.metricSpecs = schema.metricsSpec();
        this.metrics = new MetricColumn[metricSpecs.size()];
        for (int i = 0; i < metrics.length; i++) {
            metrics[i] = metricSpecs.get(i).newMetricColumn();
            metricColumns.put(metricSpecs.get(i).name(), metrics[i].asColumn());
        }
        this.dimensions = new DimensionIndexer[0];
        schema.dimensionsSpec().dimensions().forEach(this::addDimension);
    }

    private void addDimension(DimensionSchema schema) {
        DimensionIndexer indexer = schema.isString()
                ? new StringDimensionIndexer(schema.multiValueHandling())
                : new NumericDimensionIndexer(ColumnType.fromDimensionType(schema.type()));
        // rows that existed before this dimension appeared hold null: fill their slots
        for (int row = 0; row < rowCount; row++) {
            indexer.append(row, indexer.encode(null));
        }
        dimensions = Arrays.copyOf(dimensions, dimensions.length + 1);
        dimensions[dimensions.length - 1] = indexer;
        nullKeys = Arrays.copyOf(nullKeys, nullKeys.length + 1);
        nullKeys[nullKeys.length - 1] = indexer.encode(null);
        dimensionsByName.put(schema.name(), indexer);
        // interned: the JSON parser interns field names, so event lookups match by reference
        dimensionNames.add(schema.name().intern());
    }

    /** Adds one event: folds it into the row with the same key, or appends a new row. Writer thread only. */
    public void add(InputRow event) {
        long rawTime = event.timestamp();
        long rowTime = queryGranularity == Granularity.ALL ? rawTime : queryGranularity.bucketStart(rawTime);
        lock.writeLock().lock();
        try {
            if (schemaless) {
                for (String name : event.dimensions()) {
                    if (!dimensionsByName.containsKey(name)) {
                        addDimension(DimensionSchema.ofName(name));
                    }
                }
            }
            long[] key = encodeKey(event);
            int hash = hash(rowTime, key);
            int row = rollup ? find(rowTime, key, hash) : -1;
            if (row < 0) {
                row = appendRow(rowTime, key, hash);
            }
            for (MetricColumn metric : metrics) {
                metric.aggregate(row, event);
            }
            if (rawTime > maxEventTime) {
                maxEventTime = rawTime;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private long[] encodeKey(InputRow event) {
        if (keyScratch.length != dimensions.length) {
            keyScratch = new long[dimensions.length];
        }
        List<String> names = dimensionNames;
        for (int d = 0; d < dimensions.length; d++) {
            keyScratch[d] = dimensions[d].encode(event.get(names.get(d)));
        }
        return keyScratch;
    }

    /**
     * Hashes only up to the last non-null key part: a schemaless dimension that appears later gives
     * the older rows a trailing null, and their stored hashes must still match new events' keys.
     */
    private int hash(long rowTime, long[] key) {
        long h = rowTime * 0x9E3779B97F4A7C15L;
        long hashed = h;
        for (int d = 0; d < key.length; d++) {
            h = (h ^ key[d]) * 0xC2B2AE3D27D4EB4FL;
            h ^= h >>> 29;
            if (key[d] != nullKeys[d]) {
                hashed = h;
            }
        }
        return (int) (hashed ^ (hashed >>> 32));
    }

    private int find(long rowTime, long[] key, int hash) {
        int mask = table.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            int row = (int) entry - 1;
            if ((int) (entry >>> 32) == hash && time.values[row] == rowTime && sameKey(row, key)) {
                return row;
            }
        }
    }

    private boolean sameKey(int row, long[] key) {
        for (int d = 0; d < key.length; d++) {
            if (dimensions[d].keyAt(row) != key[d]) {
                return false;
            }
        }
        return true;
    }

    private int appendRow(long rowTime, long[] key, int hash) {
        int row = rowCount;
        time.append(row, rowTime);
        for (int d = 0; d < key.length; d++) {
            dimensions[d].append(row, key[d]);
        }
        if (rollup) {
            if ((row + 1) * 2 > table.length) {
                rehash(table.length * 2);
            }
            insert(row, hash);
        }
        if (rowTime < minTime) {
            minTime = rowTime;
        }
        if (rowTime > maxTime) {
            maxTime = rowTime;
        }
        rowCount = row + 1;
        return row;
    }

    private void insert(int row, int hash) {
        insert(table, ((long) hash << 32) | (row + 1L));
    }

    private static void insert(long[] table, long entry) {
        int mask = table.length - 1;
        int slot = (int) (entry >>> 32) & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = entry;
    }

    private void rehash(int capacity) {
        long[] bigger = new long[capacity];
        for (long entry : table) {
            if (entry != 0) {
                insert(bigger, entry);
            }
        }
        table = bigger;
    }

    /** Rows in the index (after rollup). */
    public int rowCount() {
        return rowCount;
    }

    /**
     * Whether the index reached {@code maxRowsInMemory} or {@code maxBytesInMemory}: the plumber then
     * swaps in a fresh index (and persists this one) before adding more rows.
     */
    public boolean isFull() {
        return rowCount >= maxRows || (maxBytes != Long.MAX_VALUE && estimatedBytes() >= maxBytes);
    }

    /** An estimate of the heap the rows and dictionaries take, in bytes. */
    public long estimatedBytes() {
        // Called before every add (isFull): one pass over the arrays, no allocation.
        long perRow = 8 + (rollup ? 16 : 0);
        long dictionaries = 0;
        for (DimensionIndexer d : dimensions) {
            perRow += d.bytesPerRow();
            dictionaries += d.dictionaryBytes();
        }
        long held = 0;
        for (MetricColumn m : metrics) {
            perRow += m.bytesPerRow();
            held += m.heldBytes();
        }
        return perRow * rowCount + dictionaries + held;
    }

    @Override
    public String dataSource() {
        return dataSource;
    }

    @Override
    public Interval dataInterval() {
        if (rowCount == 0) {
            return null;
        }
        long end = queryGranularity == Granularity.ALL ? maxTime + 1 : queryGranularity.next(maxTime);
        return new Interval(minTime, end);
    }

    @Override
    public Granularity queryGranularity() {
        return queryGranularity;
    }

    @Override
    public boolean rollup() {
        return rollup;
    }

    @Override
    public List<String> dimensionNames() {
        return List.copyOf(dimensionNames);
    }

    @Override
    public List<AggregatorFactory> metrics() {
        return metricSpecs;
    }

    @Override
    public long maxIngestedEventTime() {
        return maxEventTime;
    }

    @Override
    public Column column(String name) {
        if ("__time".equals(name)) {
            return time;
        }
        DimensionIndexer dimension = dimensionsByName.get(name);
        if (dimension != null) {
            return dimension.asColumn();
        }
        return metricColumns.get(name);
    }

    @Override
    public NumericColumn time() {
        return time;
    }

    @Override
    public void scan(RowBlockVisitor visitor) {
        int rows = rowCount;
        for (int start = 0; start < rows; start += SCAN_BLOCK) {
            int end = Math.min(rows, start + SCAN_BLOCK);
            lock.readLock().lock();
            try {
                visitor.visit(start, end);
            } finally {
                lock.readLock().unlock();
            }
        }
    }

    /** The time column: one long per row, never null. */
    private static final class TimeColumn implements NumericColumn {
        private long[] values = new long[1024];

        void append(int row, long value) {
            if (row == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[row] = value;
        }

        @Override
        public ColumnType type() {
            return ColumnType.LONG;
        }

        @Override
        public boolean isNull(int row) {
            return false;
        }

        @Override
        public long getLong(int row) {
            return values[row];
        }

        @Override
        public double getDouble(int row) {
            return values[row];
        }
    }
}
