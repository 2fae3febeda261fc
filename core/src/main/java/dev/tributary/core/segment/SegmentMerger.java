package dev.tributary.core.segment;

import dev.tributary.core.Json;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.ComplexSerdes;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.index.QueryableIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges pieces of one dataSource (live indexes, persisted hydrants, merged segments) into one new
 * segment, crash-safely ({@link SegmentFiles}). Rows come out sorted by time and dimension values;
 * with rollup, rows of different pieces that share a key become one, their metrics combined as
 * queries would combine them. Streaming: the pieces are read in key order through a k-way merge and
 * each column is written as the rows go by, so memory holds the dictionaries, the bitmaps, one row
 * key per piece and, for a live index, its sorted row numbers, not the rows.
 *
 * <p>A live index must no longer be written while it is merged (the plumber swaps in a fresh one
 * first). Used by one thread at a time per call.
 */
public final class SegmentMerger {
    private final MergePlan plan;
    private final Path temporary;
    private final Column[][] metricColumns;
    private final Object[] pending;
    private final RowKey pendingKey;
    private boolean hasPending;
    private int rows;
    private NumericColumnWriter time;
    private final ColumnWriter[] dimensionWriters;
    private final ColumnWriter[] metricWriters;

    private SegmentMerger(MergePlan plan, Path temporary) {
        this.plan = plan;
        this.temporary = temporary;
        this.metricColumns = new Column[plan.pieces.size()][plan.metrics.length];
        for (int p = 0; p < metricColumns.length; p++) {
            for (int m = 0; m < plan.metrics.length; m++) {
                metricColumns[p][m] = plan.pieces.get(p).column(plan.metrics[m].factory().name());
            }
        }
        this.pending = new Object[plan.metrics.length];
        this.pendingKey = new RowKey(plan.dimensions);
        this.dimensionWriters = new ColumnWriter[plan.dimensions.length];
        this.metricWriters = new ColumnWriter[plan.metrics.length];
    }

    /**
     * Merges {@code pieces} into a new segment at {@code target}, which must not exist yet.
     *
     * @throws IllegalArgumentException if the pieces cannot be merged (different dataSources,
     *     granularities, metrics or dimension types) or hold no rows
     */
    public static WrittenSegment merge(List<? extends QueryableIndex> pieces, Path target) throws IOException {
        MergePlan plan = new MergePlan(pieces);
        if (plan.interval == null) {
            throw new IllegalArgumentException("nothing to write to " + target + ": the pieces hold no rows");
        }
        if (Files.exists(target)) {
            throw new IOException("cannot write segment " + target + ": it already exists");
        }
        Path temporary = SegmentFiles.newTemporary(target);
        try {
            SegmentMerger merger = new SegmentMerger(plan, temporary);
            merger.write();
            SegmentFiles.commit(temporary, target);
            return new WrittenSegment(target, merger.rows, size(target));
        } catch (IOException | RuntimeException | Error e) {
            SegmentFiles.deleteDirectory(temporary);
            throw e;
        }
    }

    private void write() throws IOException {
        List<SegmentMetadata.ColumnEntry> entries = new ArrayList<>();
        try {
            openWriters(entries);
            mergeRows();
            time.finish(temporary.resolve(entries.get(0).file()));
            for (int d = 0; d < dimensionWriters.length; d++) {
                dimensionWriters[d].finish(temporary.resolve(entries.get(1 + d).file()));
            }
            for (int m = 0; m < metricWriters.length; m++) {
                metricWriters[m].finish(temporary.resolve(entries.get(1 + dimensionWriters.length + m).file()));
            }
        } finally {
            closeWriters();
        }
        writeMetadata(entries);
    }

    private void openWriters(List<SegmentMetadata.ColumnEntry> entries) throws IOException {
        int column = 0;
        String file = SegmentFiles.columnFile(column++);
        time = new NumericColumnWriter(ColumnType.LONG, temporary, file);
        entries.add(new SegmentMetadata.ColumnEntry("__time", SegmentMetadata.Role.TIME, ColumnType.LONG, null, false, file));
        for (int d = 0; d < plan.dimensions.length; d++) {
            MergePlan.Dimension dimension = plan.dimensions[d];
            file = SegmentFiles.columnFile(column++);
            dimensionWriters[d] = dimension.type() == ColumnType.STRING
                    ? new StringColumnWriter(dimension.dictionary(), dimension.multiValued(), temporary, file)
                    : new NumericColumnWriter(dimension.type(), temporary, file);
            entries.add(new SegmentMetadata.ColumnEntry(dimension.name(), SegmentMetadata.Role.DIMENSION,
                    dimension.type(), null, dimension.multiValued(), file));
        }
        for (int m = 0; m < plan.metrics.length; m++) {
            MergePlan.Metric metric = plan.metrics[m];
            file = SegmentFiles.columnFile(column++);
            metricWriters[m] = metric.type() == ColumnType.COMPLEX
                    ? new ComplexColumnWriter(ComplexSerdes.forType(metric.typeName())::toBytes, temporary, file)
                    : new NumericColumnWriter(metric.type(), temporary, file);
            entries.add(new SegmentMetadata.ColumnEntry(metric.factory().name(), SegmentMetadata.Role.METRIC,
                    metric.type(), metric.typeName(), false, file));
        }
    }

    /** The k-way merge: the smallest key next; with rollup, equal keys fold into the pending row. */
    private void mergeRows() throws IOException {
        PriorityQueue<PieceCursor> queue = new PriorityQueue<>(Math.max(1, plan.pieces.size()),
                (a, b) -> a.key.compareTo(b.key));
        for (int p = 0; p < plan.pieces.size(); p++) {
            PieceCursor cursor = new PieceCursor(plan, p);
            if (cursor.advance()) {
                queue.add(cursor);
            }
        }
        while (!queue.isEmpty()) {
            PieceCursor cursor = queue.poll();
            int piece = cursor.pieceNumber;
            int row = cursor.row();
            if (hasPending && plan.rollup && pendingKey.compareTo(cursor.key) == 0) {
                for (int m = 0; m < pending.length; m++) {
                    pending[m] = plan.metrics[m].factory().combine(pending[m], value(piece, m, row));
                }
            } else {
                flushPending();
                pendingKey.copyFrom(cursor.key);
                for (int m = 0; m < pending.length; m++) {
                    pending[m] = value(piece, m, row);
                }
                hasPending = true;
            }
            if (cursor.advance()) {
                queue.add(cursor);
            }
        }
        flushPending();
    }

    private Object value(int piece, int metric, int row) {
        Column column = metricColumns[piece][metric];
        if (column instanceof NumericColumn number) {
            return number.getObject(row);
        }
        return ((dev.tributary.core.column.ComplexColumn) column).getObject(row);
    }

    private void flushPending() throws IOException {
        if (!hasPending) {
            return;
        }
        hasPending = false;
        rows++;
        time.addLong(pendingKey.time);
        for (int d = 0; d < dimensionWriters.length; d++) {
            if (dimensionWriters[d] instanceof StringColumnWriter strings) {
                strings.addRow(pendingKey.ids[d], pendingKey.counts[d]);
            } else {
                NumericColumnWriter numbers = (NumericColumnWriter) dimensionWriters[d];
                if (pendingKey.nulls[d]) {
                    numbers.addNull();
                } else if (plan.dimensions[d].type() == ColumnType.LONG) {
                    numbers.addLong(pendingKey.longs[d]);
                } else {
                    numbers.addDouble(pendingKey.doubles[d]);
                }
            }
        }
        for (int m = 0; m < metricWriters.length; m++) {
            Object value = pending[m];
            pending[m] = null;
            if (metricWriters[m] instanceof ComplexColumnWriter objects) {
                objects.add(value);
            } else {
                NumericColumnWriter numbers = (NumericColumnWriter) metricWriters[m];
                if (value == null) {
                    numbers.addNull();
                } else if (plan.metrics[m].type() == ColumnType.LONG) {
                    numbers.addLong(((Number) value).longValue());
                } else {
                    numbers.addDouble(((Number) value).doubleValue());
                }
            }
        }
    }

    private void writeMetadata(List<SegmentMetadata.ColumnEntry> entries) throws IOException {
        List<AggregatorFactory> metrics = new ArrayList<>();
        for (MergePlan.Metric metric : plan.metrics) {
            metrics.add(metric.factory());
        }
        SegmentMetadata metadata = new SegmentMetadata(SegmentFiles.FORMAT_VERSION, plan.dataSource, plan.interval, rows,
                plan.rollup, plan.queryGranularity, plan.maxIngestedEventTime, entries, metrics);
        byte[] json = Json.mapper().writeValueAsBytes(metadata);
        try (SectionFileWriter out = new SectionFileWriter(temporary.resolve(SegmentFiles.META_FILE))) {
            out.beginSection().write(json, 0, json.length);
        }
    }

    private void closeWriters() throws IOException {
        List<ColumnWriter> all = new ArrayList<>();
        all.add(time);
        all.addAll(List.of(dimensionWriters));
        all.addAll(List.of(metricWriters));
        for (ColumnWriter writer : all) {
            if (writer != null) {
                writer.close();
            }
        }
    }

    private static long size(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            long total = 0;
            for (Path file : (Iterable<Path>) files::iterator) {
                total += Files.size(file);
            }
            return total;
        }
    }
}
