package dev.tributary.core.aggregation.hyperloglog;

import dev.tributary.core.aggregation.MetricColumn;
import dev.tributary.core.column.Column;
import dev.tributary.core.input.InputRow;
import java.util.Arrays;

/**
 * A live index's storage for a {@code hyperUnique} (or ingest-time {@code cardinality}) metric: one
 * collector per row. Each event becomes a collector of its own values that is folded into the
 * row's, as Druid's ingestion does (which decides Druid's estimate in rare overflow cases).
 *
 * <p>Most rows hold a handful of values, so a row starts compact: an {@code int[]} holding its
 * overflow register ({@code value << 16 | register}) and then its non-zero register bytes
 * ({@code position << 8 | byte}), a few dozen bytes instead of a 1 KB collector. A row that outgrows
 * {@link #MAX_COMPACT_BYTES} register bytes, or takes an event that is not a plain set of hashes,
 * becomes a real collector. A row of one register byte and no overflow, the most common row of all
 * (one event, or events of one value), is not an object at all: its entry sits in an {@code int}
 * column, {@link #singles}. Both forms stand for exactly the collector Druid would hold: readers get
 * it from {@link #getObject} or fold it with {@link #foldInto} without building it.
 */
final class CollectorMetricColumn implements MetricColumn, CollectorColumn {
    /** Adds an event's values to a fresh collector. */
    @FunctionalInterface
    interface EventHasher {
        void add(InputRow event, HyperLogLogCollector collector);
    }

    private static final int MAX_COMPACT_BYTES = 32;
    /** Heap bytes of a full collector: its registers, its fields and two object headers. */
    private static final int COLLECTOR_BYTES = 1024 + 16 + 48;

    private final EventHasher hasher;
    private final HyperLogLogCollector scratch = HyperLogLogCollector.scratch();
    private final int[] scratchRegisters = new int[MAX_COMPACT_BYTES];
    /** Per row: null, a compact {@code int[]} or a {@link HyperLogLogCollector}. */
    private Object[] rows = new Object[1024];
    /** Per row whose {@link #rows} entry is null: its one register entry ({@code position << 8 | byte}, never 0), or 0 for an empty row. */
    private int[] singles = new int[1024];
    private int rowCount;
    private long heldBytes;

    CollectorMetricColumn(EventHasher hasher) {
        this.hasher = hasher;
    }

    @Override
    public void aggregate(int row, InputRow event) {
        ensureRow(row);
        scratch.reset();
        hasher.add(event, scratch);
        Object current = rows[row];
        if (current instanceof HyperLogLogCollector collector) {
            collector.fold(scratch);
            return;
        }
        int[] compact = current != null ? (int[]) current : singles[row] != 0 ? new int[] {0, singles[row]} : null;
        int n = scratch.touchedRegisters(scratchRegisters);
        if (n >= 0) {
            if (compact == null && n == 1 && scratch.maxOverflowValue() == 0) {
                singles[row] = scratchRegisters[0];
                return;
            }
            int[] merged = merge(compact, scratchRegisters, n, scratch.maxOverflowValue(), scratch.maxOverflowRegister());
            if (merged.length == 2 && merged[0] == 0 && current == null) {
                singles[row] = merged[1];
                return;
            }
            if (merged.length - 1 <= MAX_COMPACT_BYTES) {
                replace(row, merged);
                return;
            }
            replace(row, expand(merged));
            return;
        }
        HyperLogLogCollector collector = compact == null ? new HyperLogLogCollector() : expand(compact);
        collector.fold(scratch);
        replace(row, collector);
    }

    /** The compact row that folds {@code entries} and the overflow into {@code compact} (null: an empty row). */
    private static int[] merge(int[] compact, int[] entries, int n, int overflowValue, int overflowRegister) {
        int have = compact == null ? 0 : compact.length - 1;
        int[] merged = new int[1 + have + n];
        int size = 1 + have;
        if (compact != null) {
            System.arraycopy(compact, 0, merged, 0, compact.length);
        }
        for (int k = 0; k < n; k++) {
            int entry = entries[k];
            int at = find(merged, size, entry >>> 8);
            if (at < 0) {
                merged[size++] = entry;
            } else {
                int old = merged[at] & 0xff;
                int b = entry & 0xff;
                merged[at] = (entry & ~0xff) | Math.max(old & 0xf0, b & 0xf0) | Math.max(old & 0x0f, b & 0x0f);
            }
        }
        // a collector keeps the first of the largest overflow values it was given
        if (overflowValue > merged[0] >>> 16) {
            merged[0] = overflowValue << 16 | overflowRegister;
        }
        return size == merged.length ? merged : Arrays.copyOf(merged, size);
    }

    private static int find(int[] compact, int size, int position) {
        for (int i = 1; i < size; i++) {
            if (compact[i] >>> 8 == position) {
                return i;
            }
        }
        return -1;
    }

    /** The collector a compact row stands for. */
    private static HyperLogLogCollector expand(int[] compact) {
        HyperLogLogCollector collector = new HyperLogLogCollector();
        fold(compact, collector);
        return collector;
    }

    private static void fold(int[] compact, HyperLogLogCollector target) {
        target.foldRegisters(compact, 1, compact.length, compact[0] >>> 16, compact[0] & 0xffff);
    }

    private void replace(int row, Object value) {
        heldBytes += bytes(value) - bytes(rows[row]);
        rows[row] = value;
        singles[row] = 0;
    }

    private static long bytes(Object value) {
        if (value instanceof int[] compact) {
            return 16 + 4L * compact.length;
        }
        return value == null ? 0 : COLLECTOR_BYTES;
    }

    @Override
    public void ensureRow(int row) {
        if (row < rowCount) {
            return;
        }
        if (row == rows.length) {
            rows = Arrays.copyOf(rows, rows.length * 2);
            singles = Arrays.copyOf(singles, singles.length * 2);
        }
        rowCount = row + 1;
    }

    @Override
    public Column asColumn() {
        return this;
    }

    /** The row's reference and its single entry; what the reference points at is counted in {@link #heldBytes()}. */
    @Override
    public int bytesPerRow() {
        return 8;
    }

    @Override
    public long heldBytes() {
        return heldBytes;
    }

    @Override
    public String typeName() {
        return "hyperUnique";
    }

    /** The row's collector; a compact row is built into a new one on each call. */
    @Override
    public Object getObject(int row) {
        Object value = rows[row];
        if (value == null && singles[row] != 0) {
            return expand(new int[] {0, singles[row]});
        }
        return value instanceof int[] compact ? expand(compact) : value;
    }

    @Override
    public void foldInto(int row, HyperLogLogCollector target) {
        Object value = rows[row];
        if (value == null && singles[row] != 0) {
            target.foldRegister(singles[row]);
        } else if (value instanceof int[] compact) {
            fold(compact, target);
        } else if (value instanceof HyperLogLogCollector collector) {
            target.fold(collector);
        }
    }
}
