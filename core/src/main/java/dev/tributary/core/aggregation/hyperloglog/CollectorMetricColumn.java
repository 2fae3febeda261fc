package dev.tributary.core.aggregation.hyperloglog;

import dev.tributary.core.aggregation.MetricColumn;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.ComplexColumn;
import dev.tributary.core.input.InputRow;
import java.util.Arrays;

/**
 * A live index's storage for a {@code hyperUnique} (or ingest-time {@code cardinality}) metric: one
 * collector per row. Each event becomes a collector of its own values that is folded into the
 * row's, as Druid's ingestion does (which decides Druid's estimate in rare overflow cases).
 */
final class CollectorMetricColumn implements MetricColumn, ComplexColumn {
    /** Adds an event's values to a fresh collector. */
    @FunctionalInterface
    interface EventHasher {
        void add(InputRow event, HyperLogLogCollector collector);
    }

    private final EventHasher hasher;
    private final HyperLogLogCollector scratch = new HyperLogLogCollector();
    private HyperLogLogCollector[] rows = new HyperLogLogCollector[1024];
    private int rowCount;

    CollectorMetricColumn(EventHasher hasher) {
        this.hasher = hasher;
    }

    @Override
    public void aggregate(int row, InputRow event) {
        ensureRow(row);
        scratch.reset();
        hasher.add(event, scratch);
        HyperLogLogCollector collector = rows[row];
        if (collector == null) {
            collector = new HyperLogLogCollector();
            rows[row] = collector;
        }
        collector.fold(scratch);
    }

    @Override
    public void ensureRow(int row) {
        if (row < rowCount) {
            return;
        }
        if (row == rows.length) {
            rows = Arrays.copyOf(rows, rows.length * 2);
        }
        rowCount = row + 1;
    }

    @Override
    public Column asColumn() {
        return this;
    }

    /** A collector is 1024 register bytes plus its header and object overhead. */
    @Override
    public int bytesPerRow() {
        return 8 + 1024 + 64;
    }

    @Override
    public String typeName() {
        return "hyperUnique";
    }

    @Override
    public Object getObject(int row) {
        return rows[row];
    }
}
