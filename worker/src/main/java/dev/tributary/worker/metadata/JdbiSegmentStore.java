package dev.tributary.worker.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.Json;
import dev.tributary.core.time.DateTimes;
import dev.tributary.core.time.Interval;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The {@link SegmentStore} in the SQL metadata store's {@code <base>_segments} and
 * {@code <base>_pending_segments} tables, with the same SQL on H2 and PostgreSQL.
 *
 * <p>No two allocations get one partition number because the database refuses a second pending row
 * with the same (dataSource, interval, version, partition) or (dataSource, interval, sequence name),
 * not because of anything this class holds. Two allocators that read the same highest partition both
 * try to insert the next one; the loser's insert fails with a unique-key violation, and
 * {@link MetadataStore#inContendedTransaction} runs the loser's whole transaction again after a
 * jittered backoff (the winner, allocating again at once, would otherwise tend to win again), and then
 * it reads the winner's row. Two publishers of one segment id race the same way, once, and the
 * loser's run again at once finds the row.
 *
 * <p>Every write looks before it inserts, inside its transaction, so running a write again after an
 * attempt whose outcome was unknown (it committed, then the connection broke) finds the row and adds
 * nothing.
 *
 * <p>A publish deletes the segment's pending row in its transaction. Partition numbers stay unique
 * because allocation counts published partitions too, and it reads the pending table before the
 * segments table, so a publish committing between the two reads cannot hide the partition from both.
 *
 * <p>Thread-safe and stateless: every method is one transaction or one statement of the
 * {@link MetadataStore}.
 */
final class JdbiSegmentStore implements SegmentStore {
    /** The width of the text columns, segment ids included. */
    private static final int MAX_TEXT_LENGTH = 255;
    private static final ObjectMapper JSON = Json.mapper();
    private static final Comparator<DataSegment> ORDER = Comparator.comparing(DataSegment::dataSource)
            .thenComparingLong(s -> s.interval().start())
            .thenComparingLong(s -> s.interval().end())
            .thenComparing(DataSegment::version)
            .thenComparingInt(DataSegment::partitionNum);

    private final MetadataStore store;
    private final String segments;
    private final String pending;

    JdbiSegmentStore(MetadataStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.segments = store.config().segmentsTable();
        this.pending = store.config().pendingSegmentsTable();
    }

    @Override
    public int allocatePartition(String dataSource, Interval interval, String version, String sequenceName) {
        checkText("dataSource", dataSource);
        Objects.requireNonNull(interval, "interval");
        checkText("version", version);
        checkText("sequenceName", sequenceName);
        // The longest id a partition of this (dataSource, interval, version) can have must fit its column.
        checkId(segmentId(dataSource, interval, version, Integer.MAX_VALUE));
        String start = DateTimes.print(interval.start());
        String end = DateTimes.print(interval.end());
        String operation = "allocate a partition of " + describe(dataSource, interval, version) + " to sequence '"
                + sequenceName + "'";
        return store.inContendedTransaction(operation, handle -> {
            Optional<Allocated> allocated = allocatedTo(handle, dataSource, start, end, sequenceName);
            if (allocated.isPresent()) {
                return sameVersion(allocated.get(), dataSource, interval, version, sequenceName);
            }
            // Pending first, then published: a publish moves a partition from the one table to the other in
            // one transaction, so a publish that commits between the two reads is seen by the second.
            int pendingMax = highestPending(handle, dataSource, start, end, version);
            int publishedMax = highestPublished(handle, dataSource, start, end, version);
            int partition = Math.max(pendingMax, publishedMax) + 1;
            // A concurrent allocator may insert the same partition or sequence first: then this fails
            // with a unique-key violation and the store runs the transaction again.
            handle.createUpdate("INSERT INTO " + pending
                            + " (id, dataSource, created_date, start, \"end\", sequence_name, version, partition_num)"
                            + " VALUES (:id, :dataSource, :created, :start, :end, :sequence, :version, :partition)")
                    .bind("id", segmentId(dataSource, interval, version, partition))
                    .bind("dataSource", dataSource).bind("created", now()).bind("start", start).bind("end", end)
                    .bind("sequence", sequenceName).bind("version", version).bind("partition", partition)
                    .execute();
            return partition;
        });
    }

    private record Allocated(String version, int partition) {
    }

    private Optional<Allocated> allocatedTo(Handle handle, String dataSource, String start, String end,
            String sequenceName) {
        return handle.createQuery("SELECT version, partition_num FROM " + pending
                        + " WHERE dataSource = :dataSource AND start = :start AND \"end\" = :end"
                        + " AND sequence_name = :sequence")
                .bind("dataSource", dataSource).bind("start", start).bind("end", end).bind("sequence", sequenceName)
                .map((rs, ctx) -> new Allocated(rs.getString("version"), rs.getInt("partition_num")))
                .findOne();
    }

    private static int sameVersion(Allocated allocated, String dataSource, Interval interval, String version,
            String sequenceName) {
        if (!allocated.version().equals(version)) {
            throw new IllegalArgumentException("sequence '" + sequenceName + "' already holds partition "
                    + allocated.partition() + " of " + describe(dataSource, interval, allocated.version())
                    + ", so it cannot have one of version '" + version + "' too: name one sequence per "
                    + "(dataSource, interval, version)");
        }
        return allocated.partition();
    }

    /** The highest pending partition, or -1. */
    private int highestPending(Handle handle, String dataSource, String start, String end, String version) {
        return handle.createQuery("SELECT COALESCE(MAX(partition_num), -1) FROM " + pending
                        + " WHERE dataSource = :dataSource AND start = :start AND \"end\" = :end AND version = :version")
                .bind("dataSource", dataSource).bind("start", start).bind("end", end).bind("version", version)
                .mapTo(Integer.class)
                .one();
    }

    /**
     * The highest published partition, used or not (an unused segment keeps its id), or -1. The
     * segments table has Druid's columns, which hold no partition number, so it is read from the payloads.
     */
    private int highestPublished(Handle handle, String dataSource, String start, String end, String version) {
        return handle.createQuery("SELECT id, payload FROM " + segments
                        + " WHERE dataSource = :dataSource AND start = :start AND \"end\" = :end AND version = :version")
                .bind("dataSource", dataSource).bind("start", start).bind("end", end).bind("version", version)
                .map((rs, ctx) -> parse(rs.getString("id"), rs.getString("payload")).partitionNum())
                .stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(-1);
    }

    @Override
    public boolean publish(DataSegment segment) {
        Objects.requireNonNull(segment, "segment");
        String id = checkId(segment.id());
        checkText("dataSource", segment.dataSource());
        checkText("version", segment.version());
        String payload = write(segment);
        return store.inTransaction("publish segment '" + id + "'", handle -> {
            // The published row now holds the partition, so its allocation goes, in the same transaction: a
            // run again after an unknown outcome finds the segment and deletes nothing.
            handle.createUpdate("DELETE FROM " + pending + " WHERE id = :id").bind("id", id).execute();
            if (exists(handle, id)) {
                return false;
            }
            // A concurrent publisher of the same id makes this a unique-key violation; the run again
            // then finds its row and returns false.
            handle.createUpdate("INSERT INTO " + segments
                            + " (id, dataSource, created_date, start, \"end\", partitioned, version, used, payload)"
                            + " VALUES (:id, :dataSource, :created, :start, :end, TRUE, :version, TRUE, :payload)")
                    .bind("id", id).bind("dataSource", segment.dataSource()).bind("created", now())
                    .bind("start", DateTimes.print(segment.interval().start()))
                    .bind("end", DateTimes.print(segment.interval().end()))
                    .bind("version", segment.version()).bind("payload", payload)
                    .execute();
            return true;
        });
    }

    private boolean exists(Handle handle, String id) {
        return handle.createQuery("SELECT COUNT(*) FROM " + segments + " WHERE id = :id")
                .bind("id", id).mapTo(Long.class).one() > 0;
    }

    @Override
    public boolean isPublished(String segmentId) {
        Objects.requireNonNull(segmentId, "segmentId");
        return store.withHandle("look up segment '" + segmentId + "'",
                handle -> handle.createQuery("SELECT COUNT(*) FROM " + segments + " WHERE id = :id AND used = TRUE")
                        .bind("id", segmentId).mapTo(Long.class).one() > 0);
    }

    @Override
    public List<DataSegment> usedSegments() {
        return store.withHandle("read the used segments",
                handle -> handle.createQuery("SELECT id, payload FROM " + segments + " WHERE used = TRUE")
                        .map((rs, ctx) -> parse(rs.getString("id"), rs.getString("payload")))
                        .stream()
                        .sorted(ORDER)
                        .toList());
    }

    @Override
    public boolean markUnused(String segmentId) {
        Objects.requireNonNull(segmentId, "segmentId");
        return store.withHandle("mark segment '" + segmentId + "' unused",
                handle -> handle.createUpdate("UPDATE " + segments + " SET used = FALSE WHERE id = :id AND used = TRUE")
                        .bind("id", segmentId).execute() > 0);
    }

    private static String segmentId(String dataSource, Interval interval, String version, int partition) {
        return new DataSegment(dataSource, interval, version, null, null, null, partition, 0).id();
    }

    private static String now() {
        return DateTimes.print(System.currentTimeMillis());
    }

    private static String write(DataSegment segment) {
        try {
            return JSON.writeValueAsString(segment);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("segment '" + segment.id() + "' cannot be written as JSON: "
                    + e.getOriginalMessage() + "; its loadSpec must hold only JSON values", e);
        }
    }

    private DataSegment parse(String id, String payload) {
        try {
            return JSON.readValue(payload, DataSegment.class);
        } catch (JsonProcessingException e) {
            throw new MetadataStoreException("the payload of segment '" + id + "' in " + segments
                    + " is not a segment's JSON (" + e.getOriginalMessage() + "). Correct the row's payload: it must be "
                    + "the segment's Druid JSON, as this store writes it", e, false);
        }
    }

    private static String describe(String dataSource, Interval interval, String version) {
        return "dataSource '" + dataSource + "' interval " + interval + " version '" + version + "'";
    }

    private static String checkText(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(what + " must be 1 to " + MAX_TEXT_LENGTH
                    + " characters and not blank, got '" + value + "'");
        }
        return value;
    }

    private static String checkId(String id) {
        if (id.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("segment id '" + id + "' is " + id.length() + " characters, and the "
                    + "metadata store holds at most " + MAX_TEXT_LENGTH + ": shorten the dataSource or the version");
        }
        return id;
    }
}
