package dev.tributary.worker.metadata;

import java.util.Collection;
import java.util.Map;

/**
 * The ledger: for each (consumer group, topic, partition), the committed Kafka offset and the epoch
 * of the worker that owns the partition. It is the source of truth for where ingestion resumes; Kafka's
 * own committed offsets only mirror it for lag tools.
 *
 * <p><b>Zombie fencing.</b> A worker that is assigned partitions {@link #claim claims} them, which
 * raises each partition's epoch, and commits only with the epoch its claim returned. Once another
 * worker has claimed a partition, every commit carrying the older epoch is {@linkplain
 * CommitResult.Fenced fenced}: a paused worker (GC, network) that still believes it owns a partition
 * can no longer move its offset, so rows are never counted by two owners.
 *
 * <p><b>Threading and ordering.</b> Implementations are thread-safe, and each method is one database
 * transaction that blocks the calling thread (for about {@link RetryPolicy} at most when the database
 * is unreachable, then throws {@link MetadataStoreException}). Calls on the same partition are
 * serialized by the database: a claim that completes before a commit begins fences that commit if it
 * carries an older epoch, and of two concurrent claims the one that completes later gets the higher
 * epoch. A commit either applies to all its partitions or to none.
 */
public interface OffsetLedger {

    /**
     * Takes ownership of {@code partitions}: in one transaction, for each partition, creates its row if
     * missing, raises its epoch by one and records {@code owner}.
     *
     * @param owner who claims, for operators reading the ledger (e.g. the worker's host and consumer id)
     * @return each partition's new epoch and committed offset
     */
    Map<Integer, Claim> claim(String group, String topic, Collection<Integer> partitions, String owner);

    /**
     * Moves the committed offsets of several partitions, all or nothing, if every partition is still
     * owned at the given epoch and still at the given previous offset (a compare-and-set), and records
     * {@code commitId}.
     *
     * <p>A retried commit is recognised by its {@code commitId}: if that id was committed before, nothing
     * changes and the result is {@link CommitResult.Committed} with {@code alreadyCommitted} true when
     * every partition is still at this commit's new offset, or {@link CommitResult.Fenced} with reason
     * {@link CommitResult.Reason#SUPERSEDED} when the ledger has moved on since.
     *
     * @param commits the partitions to move, at least one
     * @param commitId unique per commit (not per retry): a retry passes the same id
     * @return committed, or fenced naming the first partition (in partition order) that refused; never
     *     throws for fencing
     * @throws IllegalArgumentException if {@code commitId} was used for another group or topic
     */
    CommitResult commit(String group, String topic, Map<Integer, PartitionCommit> commits, String commitId);

    /** Whether a commit with this id has been applied (and not {@linkplain #forgetCommits forgotten}). */
    boolean isCommitted(String commitId);

    /** Every partition of the topic that has a committed offset; partitions never committed are absent. */
    Map<Integer, Long> committedOffsets(String group, String topic);

    /**
     * Forgets commit ids, to keep the commits table small; ids that are unknown are ignored. A retry of a
     * forgotten commit is no longer recognised as one: it is checked like a new commit, and is fenced if
     * the partitions moved on since.
     */
    void forgetCommits(Collection<String> commitIds);

    /**
     * A partition as a claim left it.
     *
     * @param epoch the claimant's epoch: commits must carry it
     * @param committedOffset the committed offset (the next event to read), or null if never committed
     */
    record Claim(long epoch, Long committedOffset) {
        public Claim {
            if (epoch < 1) {
                throw new IllegalArgumentException("epoch must be at least 1, got " + epoch);
            }
            if (committedOffset != null && committedOffset < 0) {
                throw new IllegalArgumentException("committedOffset must not be negative, got " + committedOffset);
            }
        }
    }

    /**
     * One partition of a commit: move it from {@code previousOffset} to {@code newOffset}, if it is
     * still owned at {@code epoch}.
     *
     * @param epoch the epoch the committer's claim returned
     * @param previousOffset the committed offset the committer last saw (its claim's, or its last
     *     commit's), null if there was none
     * @param newOffset the new committed offset: the next event to read after the persisted rows
     */
    record PartitionCommit(long epoch, Long previousOffset, long newOffset) {
        public PartitionCommit {
            if (epoch < 1) {
                throw new IllegalArgumentException("epoch must be at least 1 (as a claim returns it), got " + epoch);
            }
            if (previousOffset != null && previousOffset < 0) {
                throw new IllegalArgumentException("previousOffset must not be negative, got " + previousOffset);
            }
            if (newOffset < 0) {
                throw new IllegalArgumentException("newOffset must not be negative, got " + newOffset);
            }
            if (previousOffset != null && newOffset < previousOffset) {
                throw new IllegalArgumentException("newOffset " + newOffset + " is before previousOffset "
                        + previousOffset + ": a committed offset never moves back");
            }
        }
    }
}
