package dev.tributary.core.spi;

import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.input.InputRow;
import java.util.List;

/**
 * Where rows go: the plumber keeps one sink per segment interval of a dataSource, makes the rows
 * queryable as soon as they are added, and (in the implementations that do so) persists and hands
 * them off.
 *
 * <p>Threading: {@link #add} and {@link #close} are called only from the ingestion thread, in event
 * order. {@link #queryablePieces} may be called from any number of query threads at any time.
 */
public interface Plumber extends AutoCloseable {
    /**
     * Adds one row to the sink for its time.
     *
     * @return false when the row was thrown away (outside the spec's intervals or the window)
     */
    boolean add(InputRow row);

    /** Everything queryable now, across all sinks, for the plumber's dataSource. */
    List<? extends QueryableIndex> queryablePieces();

    @Override
    void close();
}
