package dev.tributary.core.spi;

import dev.tributary.core.TributaryException;

/**
 * A commit refused because this worker no longer owns a position it tried to commit: another worker
 * claimed the partition (a rebalance while this one was paused past its session, say). Nothing of
 * that commit was applied. The worker must drop every row not yet committed and read again from
 * the durable positions. Not retriable as it is: retrying the same commit fails the same way.
 */
public final class CommitFencedException extends TributaryException {
    private static final long serialVersionUID = 1L;

    public CommitFencedException(String message) {
        super(message);
    }
}
