package dev.tributary.core.aggregation;

import dev.tributary.core.column.Column;
import dev.tributary.core.input.InputRow;

/**
 * Ingest-time aggregation into a live index: the storage of one metric, one value per row, which is
 * also the column queries read. Written only by the ingestion thread, under the index's write lock.
 *
 * <p>Rows are added in order: the {@code row} of every call is either an existing row or exactly the
 * next new one, which starts with nothing aggregated.
 */
public interface MetricColumn {
    /** Folds {@code event} into row {@code row}. */
    void aggregate(int row, InputRow event);

    /**
     * Makes sure row {@code row} exists without folding anything into it: what a {@code filtered}
     * metric does with an event its filter rejects, so that the rows stay in step with the index.
     */
    void ensureRow(int row);

    /** This metric as a readable column. */
    Column asColumn();

    /** Heap bytes held per row, for the index's memory estimate. */
    int bytesPerRow();

    /** Heap bytes held beyond {@link #bytesPerRow} per row, such as objects of varying size. */
    default long heldBytes() {
        return 0;
    }
}
