package dev.tributary.core.spi;

import java.util.Collection;
import java.util.Map;

/**
 * The durable record of how far each partition of a source has been committed, with the ownership
 * epoch that fences zombies: a worker assigned partitions {@linkplain #claim claims} them (raising
 * their epochs) and commits only with its epochs, as a compare-and-set on (epoch, previous position),
 * all partitions of a commit or none. A worker paused past its session whose partitions were claimed
 * by another can therefore no longer move them. Kept in the metadata store; firehoses use it to
 * start from, commit to and confirm commits in.
 *
 * <p>Thread-safe; every method is one blocking transaction.
 */
public interface PositionLedger {
    /** A partition as a claim left it: the claimant's epoch and the committed position, or null if none. */
    record Claim(long epoch, Long committed) {
    }

    /** Move one partition from {@code previous} (null: never committed) to {@code next}, if still owned at {@code epoch}. */
    record PartitionCommit(long epoch, Long previous, long next) {
    }

    /** Claims {@code partitions} for {@code owner}, raising each one's epoch. */
    Map<Integer, Claim> claim(String group, String source, Collection<Integer> partitions, String owner);

    /**
     * Commits all of {@code commits} or none, recording {@code commitId}.
     *
     * @return null when committed; otherwise why a partition refused (nothing was applied)
     */
    String commit(String group, String source, Map<Integer, PartitionCommit> commits, String commitId);

    /** Whether the commit with this id was applied. */
    boolean isCommitted(String commitId);

    /** The committed position of every partition that has one. */
    Map<Integer, Long> committed(String group, String source);
}
