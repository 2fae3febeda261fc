package dev.tributary.core.aggregation.sketch;

import dev.tributary.core.aggregation.MetricColumn;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.ComplexColumn;
import dev.tributary.core.input.InputRow;
import java.util.Arrays;

/**
 * A live index's storage for a sketch metric: one sketch (or union) per row, updated with each event's
 * field as Druid's ingestion updates it. Queries read {@link #read} of a row's state.
 *
 * @param <S> the per-row state
 */
abstract class SketchMetricColumn<S> implements MetricColumn, ComplexColumn {
    private final String field;
    private final String typeName;
    private final int bytesPerRow;
    private Object[] rows = new Object[1024];
    private int rowCount;

    SketchMetricColumn(String field, String typeName, int bytesPerRow) {
        this.field = field;
        this.typeName = typeName;
        this.bytesPerRow = bytesPerRow;
    }

    /** A row's state before any event. */
    abstract S create();

    /** Folds one event's raw field value (possibly null) into a row's state; returns the new state. */
    abstract S update(S state, Object raw);

    /** The row's value as queries see it. */
    Object read(S state) {
        return state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void aggregate(int row, InputRow event) {
        ensureRow(row);
        S state = (S) rows[row];
        rows[row] = update(state == null ? create() : state, event.get(field));
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

    @Override
    public int bytesPerRow() {
        return bytesPerRow;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object getObject(int row) {
        S state = (S) rows[row];
        return state == null ? null : read(state);
    }
}
