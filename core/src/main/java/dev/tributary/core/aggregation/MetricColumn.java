package dev.tributary.core.aggregation;

import dev.tributary.core.column.Column;
import dev.tributary.core.input.InputRow;

/**
 * Ingest-time aggregation into a live index: the storage of one metric, one value per row, which is
 * also the column queries read. Written only by the ingestion thread, under the index's write lock.
 */
public interface MetricColumn {
    /**
     * Folds {@code event} into row {@code row}. Rows are added in order: {@code row} is either an
     * existing row or exactly the next new one, which starts with nothing aggregated.
     */
    void aggregate(int row, InputRow event);

    /** This metric as a readable column. */
    Column asColumn();

    /** Heap bytes held per row, for the index's memory estimate. */
    int bytesPerRow();
}
