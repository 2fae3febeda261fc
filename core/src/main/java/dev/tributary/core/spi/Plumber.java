package dev.tributary.core.spi;

import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.input.InputRow;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Where rows go: the plumber keeps one sink per segment interval of a dataSource, makes the rows
 * queryable as soon as they are added, and (in the implementations that do so) persists them and
 * makes their positions durable only after that ({@link Committer}), and hands them off.
 *
 * <p>Threading: {@link #start}, {@link #add}, {@link #persistIfDue}, {@link #persist},
 * {@link #dropUncommitted}, {@link #takeCommitFailure} and {@link #close} are called only from the
 * ingestion thread, in event order. {@link #queryablePieces} may be called from any number of query
 * threads at any time.
 */
public interface Plumber extends AutoCloseable {
    /**
     * Restores what earlier runs persisted, keeping only rows whose commit {@code confirmed} says
     * happened and discarding (with a log line) half-written or unconfirmed ones. Called once,
     * before the first {@link #add}.
     */
    void start(Predicate<Map<String, Object>> confirmed);

    /**
     * Adds one row to the sink for its time. If the row finds its sink's in-memory index full, the
     * plumber first persists what it holds, with a committer from {@code committer}, which must cover
     * exactly the rows added before this one.
     *
     * @return false when the row was thrown away (outside the spec's intervals or the window)
     */
    boolean add(InputRow row, Supplier<Committer> committer);

    /** Persists if the intermediate persist period has passed since the last persist. */
    void persistIfDue(Supplier<Committer> committer);

    /**
     * Persists every row added so far and runs {@code committer} once they are durable; with
     * {@code wait}, returns only after both (what a rebalance revoking partitions needs).
     *
     * @throws CommitFencedException with {@code wait}, when the commit was refused
     */
    void persist(Committer committer, boolean wait);

    /**
     * Drops every row that no successful commit covers: the in-memory rows and the persisted hydrants
     * whose commit has not run or failed. Waits for running persists first.
     */
    void dropUncommitted();

    /** The commit refusal that happened since the last call, or null. */
    CommitFencedException takeCommitFailure();

    /** Everything queryable now, across all sinks, for the plumber's dataSource. */
    List<? extends QueryableIndex> queryablePieces();

    /** Stops, waiting for running persists; rows not persisted are not persisted. */
    @Override
    void close();
}
