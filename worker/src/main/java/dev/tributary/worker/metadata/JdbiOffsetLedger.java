package dev.tributary.worker.metadata;

import dev.tributary.worker.metadata.CommitResult.Committed;
import dev.tributary.worker.metadata.CommitResult.Fenced;
import dev.tributary.worker.metadata.CommitResult.Reason;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;

/**
 * The {@link OffsetLedger} in the SQL metadata store's {@code <base>_offsets} and {@code <base>_commits}
 * tables, with the same SQL on H2 and PostgreSQL.
 *
 * <p>Fencing is enforced by the database, not by this class: every commit is a compare-and-set
 * {@code UPDATE ... WHERE owner_epoch = :epoch AND committed_offset = :previous}. Under READ COMMITTED
 * an UPDATE that waits for a row another transaction locked re-reads the row once that transaction
 * ends, so a claim and a commit racing on a partition are ordered by the row lock, and a commit that
 * comes second with an old epoch updates nothing. Partitions are always locked in ascending order, so
 * two multi-partition transactions wait for each other instead of deadlocking.
 *
 * <p>Thread-safe and stateless: every method is one transaction of the {@link MetadataStore}.
 */
final class JdbiOffsetLedger implements OffsetLedger {
    /** The width of the text columns. */
    private static final int MAX_NAME_LENGTH = 255;

    private final MetadataStore store;
    private final String offsets;
    private final String commits;

    JdbiOffsetLedger(MetadataStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.offsets = store.config().offsetsTable();
        this.commits = store.config().commitsTable();
    }

    @Override
    public Map<Integer, Claim> claim(String group, String topic, Collection<Integer> partitions, String owner) {
        checkName("group", group);
        checkName("topic", topic);
        checkName("owner", owner);
        SortedSet<Integer> sorted = new TreeSet<>();
        for (Integer partition : Objects.requireNonNull(partitions, "partitions")) {
            sorted.add(checkPartition(partition));
        }
        if (sorted.isEmpty()) {
            return Map.of();
        }
        return store.inTransaction("claim " + describe(group, topic, sorted), handle -> {
            Map<Integer, Claim> claims = new LinkedHashMap<>();
            for (int partition : sorted) {
                claims.put(partition, claimOne(handle, group, topic, partition, owner));
            }
            return Collections.unmodifiableMap(claims);
        });
    }

    private Claim claimOne(Handle handle, String group, String topic, int partition, String owner) {
        int raised = handle.createUpdate("UPDATE " + offsets
                        + " SET owner_epoch = owner_epoch + 1, owner = :owner, updated_at = CURRENT_TIMESTAMP"
                        + " WHERE consumer_group = :group AND topic = :topic AND partition_id = :partition")
                .bind("owner", owner).bind("group", group).bind("topic", topic).bind("partition", partition)
                .execute();
        if (raised == 0) {
            // A concurrent first claim may insert the same key: that is a unique-key violation, and the
            // store runs the whole transaction again, whose UPDATE then finds the row.
            handle.createUpdate("INSERT INTO " + offsets
                            + " (consumer_group, topic, partition_id, committed_offset, owner_epoch, owner, updated_at)"
                            + " VALUES (:group, :topic, :partition, NULL, 1, :owner, CURRENT_TIMESTAMP)")
                    .bind("group", group).bind("topic", topic).bind("partition", partition).bind("owner", owner)
                    .execute();
        }
        Row row = read(handle, group, topic, partition)
                .orElseThrow(() -> new IllegalStateException("the ledger row of partition " + partition
                        + " vanished inside the transaction that claimed it"));
        return new Claim(row.epoch(), row.committedOffset());
    }

    @Override
    public CommitResult commit(String group, String topic, Map<Integer, PartitionCommit> partitionCommits,
            String commitId) {
        checkName("group", group);
        checkName("topic", topic);
        checkName("commitId", commitId);
        SortedMap<Integer, PartitionCommit> sorted = new TreeMap<>();
        Objects.requireNonNull(partitionCommits, "commits").forEach((partition, commit) -> sorted.put(
                checkPartition(partition), Objects.requireNonNull(commit, "commit of partition " + partition)));
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("a commit needs at least one partition (commit id '" + commitId + "')");
        }
        String operation = "commit '" + commitId + "' of " + describe(group, topic, sorted.keySet());
        // Empty: the commit id is in the ledger already, so this is a retry; it is checked afresh below.
        Optional<CommitResult> applied = store.inTransaction(operation, handle -> {
            if (commitGroupAndTopic(handle, commitId).isPresent()) {
                return Optional.empty();
            }
            for (Map.Entry<Integer, PartitionCommit> entry : sorted.entrySet()) {
                if (compareAndSet(handle, group, topic, entry.getKey(), entry.getValue()) == 0) {
                    // A concurrent run of this same commit (a retry whose first attempt was still
                    // running) may have committed meanwhile: then this is a replay, not a fence.
                    Optional<CommitResult> outcome = commitGroupAndTopic(handle, commitId).isPresent()
                            ? Optional.empty()
                            : Optional.of(fenced(handle, group, topic, entry.getKey(), entry.getValue()));
                    handle.rollback();
                    return outcome;
                }
            }
            handle.createUpdate("INSERT INTO " + commits + " (commit_id, consumer_group, topic, created_at)"
                            + " VALUES (:id, :group, :topic, CURRENT_TIMESTAMP)")
                    .bind("id", commitId).bind("group", group).bind("topic", topic)
                    .execute();
            return Optional.of(new Committed(false));
        });
        return applied.orElseGet(() -> store.inTransaction("check replayed " + operation,
                handle -> replayed(handle, group, topic, sorted, commitId)));
    }

    /**
     * The compare-and-set. Null never equals null in SQL, so a partition never committed is matched
     * with IS NULL; choosing the statement here keeps it portable (and index-friendly) where
     * {@code IS NOT DISTINCT FROM} is not everywhere.
     */
    private int compareAndSet(Handle handle, String group, String topic, int partition, PartitionCommit commit) {
        String offsetMatches = commit.previousOffset() == null ? "committed_offset IS NULL"
                : "committed_offset = :previous";
        Update update = handle.createUpdate("UPDATE " + offsets
                        + " SET committed_offset = :new, updated_at = CURRENT_TIMESTAMP"
                        + " WHERE consumer_group = :group AND topic = :topic AND partition_id = :partition"
                        + " AND owner_epoch = :epoch AND " + offsetMatches)
                .bind("new", commit.newOffset()).bind("group", group).bind("topic", topic)
                .bind("partition", partition).bind("epoch", commit.epoch());
        if (commit.previousOffset() != null) {
            update.bind("previous", commit.previousOffset().longValue());
        }
        return update.execute();
    }

    private Fenced fenced(Handle handle, String group, String topic, int partition, PartitionCommit commit) {
        Optional<Row> found = read(handle, group, topic, partition);
        if (found.isEmpty()) {
            return new Fenced(partition, Reason.NOT_CLAIMED, "partition " + partition + " of " + describe(group, topic)
                    + " has never been claimed");
        }
        Row row = found.get();
        if (row.epoch() != commit.epoch()) {
            return new Fenced(partition, Reason.EPOCH_MOVED_ON, "partition " + partition + " of "
                    + describe(group, topic) + " is owned by '" + row.owner() + "' at epoch " + row.epoch()
                    + "; the commit carries epoch " + commit.epoch());
        }
        return new Fenced(partition, Reason.OFFSET_DIFFERS, "partition " + partition + " of " + describe(group, topic)
                + " is at offset " + row.committedOffset() + ", not at " + commit.previousOffset()
                + " as the commit expected");
    }

    /** The answer to a commit whose id is already in the ledger: see {@link OffsetLedger#commit}. */
    private CommitResult replayed(Handle handle, String group, String topic, SortedMap<Integer, PartitionCommit> sorted,
            String commitId) {
        GroupAndTopic recorded = commitGroupAndTopic(handle, commitId).orElseThrow(() -> new IllegalStateException(
                "commit id '" + commitId + "' vanished while its commit was checked; was it forgotten concurrently?"));
        if (!recorded.group().equals(group) || !recorded.topic().equals(topic)) {
            throw new IllegalArgumentException("commit id '" + commitId + "' was used for "
                    + describe(recorded.group(), recorded.topic()) + ", not " + describe(group, topic)
                    + "; a commit id must name one commit");
        }
        for (Map.Entry<Integer, PartitionCommit> entry : sorted.entrySet()) {
            int partition = entry.getKey();
            Long current = read(handle, group, topic, partition).map(Row::committedOffset).orElse(null);
            if (current == null || current != entry.getValue().newOffset()) {
                return new Fenced(partition, Reason.SUPERSEDED, "commit '" + commitId + "' was committed before, but "
                        + "partition " + partition + " of " + describe(group, topic) + " has moved from its offset "
                        + entry.getValue().newOffset() + " to " + current + " since");
            }
        }
        return new Committed(true);
    }

    @Override
    public boolean isCommitted(String commitId) {
        checkName("commitId", commitId);
        return store.withHandle("look up commit '" + commitId + "'",
                handle -> commitGroupAndTopic(handle, commitId).isPresent());
    }

    @Override
    public Map<Integer, Long> committedOffsets(String group, String topic) {
        checkName("group", group);
        checkName("topic", topic);
        return store.withHandle("read the committed offsets of " + describe(group, topic), handle -> {
            Map<Integer, Long> result = new TreeMap<>();
            handle.createQuery("SELECT partition_id, committed_offset FROM " + offsets
                            + " WHERE consumer_group = :group AND topic = :topic AND committed_offset IS NOT NULL")
                    .bind("group", group).bind("topic", topic)
                    .map((rs, ctx) -> Map.entry(rs.getInt("partition_id"), rs.getLong("committed_offset")))
                    .forEach(e -> result.put(e.getKey(), e.getValue()));
            return Collections.unmodifiableMap(result);
        });
    }

    @Override
    public void forgetCommits(Collection<String> commitIds) {
        SortedSet<String> ids = new TreeSet<>();
        for (String id : Objects.requireNonNull(commitIds, "commitIds")) {
            ids.add(checkName("commitId", id));
        }
        if (ids.isEmpty()) {
            return;
        }
        store.inTransaction("forget " + ids.size() + " commit ids", handle -> {
            PreparedBatch batch = handle.prepareBatch("DELETE FROM " + commits + " WHERE commit_id = :id");
            ids.forEach(id -> batch.bind("id", id).add());
            batch.execute();
            return null;
        });
    }

    private record Row(long epoch, Long committedOffset, String owner) {
    }

    private record GroupAndTopic(String group, String topic) {
    }

    private Optional<Row> read(Handle handle, String group, String topic, int partition) {
        return handle.createQuery("SELECT owner_epoch, committed_offset, owner FROM " + offsets
                        + " WHERE consumer_group = :group AND topic = :topic AND partition_id = :partition")
                .bind("group", group).bind("topic", topic).bind("partition", partition)
                .map((rs, ctx) -> {
                    long committed = rs.getLong("committed_offset");
                    Long committedOrNull = rs.wasNull() ? null : committed; // wasNull speaks of the last read
                    return new Row(rs.getLong("owner_epoch"), committedOrNull, rs.getString("owner"));
                })
                .findOne();
    }

    private Optional<GroupAndTopic> commitGroupAndTopic(Handle handle, String commitId) {
        return handle.createQuery("SELECT consumer_group, topic FROM " + commits + " WHERE commit_id = :id")
                .bind("id", commitId)
                .map((rs, ctx) -> new GroupAndTopic(rs.getString("consumer_group"), rs.getString("topic")))
                .findOne();
    }

    private static String describe(String group, String topic) {
        return "topic '" + topic + "' for group '" + group + "'";
    }

    private static String describe(String group, String topic, Collection<Integer> partitions) {
        return describe(group, topic) + " partitions " + partitions;
    }

    private static String checkName(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(what + " must be 1 to " + MAX_NAME_LENGTH
                    + " characters and not blank, got '" + value + "'");
        }
        return value;
    }

    private static int checkPartition(Integer partition) {
        Objects.requireNonNull(partition, "partition");
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative, got " + partition);
        }
        return partition;
    }
}
