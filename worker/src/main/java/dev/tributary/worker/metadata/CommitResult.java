package dev.tributary.worker.metadata;

import java.util.Objects;

/** What {@link OffsetLedger#commit} did: committed every partition, or none because one was fenced. */
public sealed interface CommitResult permits CommitResult.Committed, CommitResult.Fenced {

    /** Whether the offsets are in the ledger. */
    boolean isCommitted();

    /**
     * Every partition now has the commit's new offset.
     *
     * @param alreadyCommitted true when this commit id had been committed before (a retry): nothing changed
     */
    record Committed(boolean alreadyCommitted) implements CommitResult {
        @Override
        public boolean isCommitted() {
            return true;
        }
    }

    /**
     * Nothing changed: {@code partition} refused the commit. The committer no longer owns the partition,
     * or does not know where it is; it must drop what it has not committed and claim again.
     *
     * @param partition the first partition, in partition order, that refused
     * @param reason why
     * @param detail the ledger's view of the partition, in words, for the log
     */
    record Fenced(int partition, Reason reason, String detail) implements CommitResult {
        public Fenced {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean isCommitted() {
            return false;
        }
    }

    /** Why a partition refused a commit. */
    enum Reason {
        /** The partition's epoch is not the commit's: another claim raised it, so the committer is a zombie. */
        EPOCH_MOVED_ON,
        /** The epoch matches, but the committed offset is not the commit's previous offset. */
        OFFSET_DIFFERS,
        /** The partition has no ledger row: nobody ever claimed it. */
        NOT_CLAIMED,
        /** This commit id was committed before, and the partition has moved on from its offset since. */
        SUPERSEDED
    }
}
