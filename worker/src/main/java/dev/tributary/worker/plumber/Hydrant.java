package dev.tributary.worker.plumber;

import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.segment.Segment;

/**
 * One piece of a sink: a live index while rows go into it, then, once persisted, its memory-mapped
 * segment. Queries read whichever it holds now; the swap is one volatile write, so a query sees the
 * live index or the segment, never both and never neither.
 *
 * <p>Threading: the piece is swapped by the persist thread and read by any thread; {@link #committed}
 * is set by whichever thread ran the commit.
 */
final class Hydrant {
    private final int number;
    private volatile QueryableIndex piece;
    private volatile boolean committed;

    Hydrant(int number, QueryableIndex piece, boolean committed) {
        this.number = number;
        this.piece = piece;
        this.committed = committed;
    }

    int number() {
        return number;
    }

    QueryableIndex piece() {
        return piece;
    }

    boolean persisted() {
        return piece instanceof Segment;
    }

    /** The live index, or null once persisted. */
    IncrementalIndex live() {
        return piece instanceof IncrementalIndex index ? index : null;
    }

    void persistedAs(Segment segment) {
        piece = segment;
    }

    boolean committed() {
        return committed;
    }

    void markCommitted() {
        committed = true;
    }
}
