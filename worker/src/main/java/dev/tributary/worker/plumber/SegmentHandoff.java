package dev.tributary.worker.plumber;

import dev.tributary.core.time.DateTimes;
import dev.tributary.core.time.Interval;
import dev.tributary.worker.metadata.DataSegment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a realtime plumber needs from the cluster to hand its sinks off: a partition for each new
 * sink, ZooKeeper announcements of the live sinks, deep storage, the metadata store, and word that a
 * historical serves a handed-off segment. {@link #NONE} is the node without a cluster: sinks get
 * partition 0 and stay on the node.
 *
 * <p>Threading: implementations are thread-safe. {@link #allocate} and {@link #announce} are called on
 * the ingestion thread, the others on the plumber's handoff thread. A method that fails throws; the
 * plumber retries it with backoff, so each must be safe to call again after a failure whose outcome
 * is unknown (deep storage pushes and metadata publishes are idempotent by segment id).
 */
public interface SegmentHandoff {
    /**
     * The segment a new sink of (dataSource, interval) will become: its version and a partition
     * number no other sink of the cluster has. {@code sequenceName} names the sink; asking again with
     * the same name returns the same segment.
     */
    DataSegment allocate(String dataSource, Interval interval, String sequenceName);

    /** Announces a live sink as a segment this node serves. */
    void announce(DataSegment sink);

    /** Withdraws the announcement of a sink. */
    void unannounce(DataSegment sink);

    /** Stores the merged segment in deep storage; returns it with its {@code loadSpec} and size. */
    DataSegment push(Path segmentDirectory, DataSegment segment);

    /** Records the pushed segment as used in the metadata store (idempotent). */
    void publish(DataSegment segment);

    /**
     * True if the segment is already published: a node restarted after publishing hands off again
     * without pushing (a push would replace what historicals serve).
     */
    boolean isPublished(DataSegment segment);

    /** True once a historical announces the segment: the sink may then be dropped. */
    boolean isServedByHistorical(DataSegment segment);

    /**
     * How long a handed-off sink is still answered locally after its announcement is withdrawn, for
     * queries routed by a cluster view that has not caught up yet.
     */
    default long dropDelayMillis() {
        return 0;
    }

    /** Whether a historical is there to serve handed-off segments (a stopping node waits for handoffs only then). */
    default boolean historicalsAvailable() {
        return false;
    }

    /** False for {@link #NONE}: the plumber then keeps its sinks. */
    default boolean handsOff() {
        return true;
    }

    /** Every sink of an interval has the same version, the interval's start, so that all of them are served together. */
    static String versionOf(Interval interval) {
        return DateTimes.print(interval.start());
    }

    /** No cluster: no announcements, no handoff; every sink is partition 0. */
    SegmentHandoff NONE = new SegmentHandoff() {
        @Override
        public DataSegment allocate(String dataSource, Interval interval, String sequenceName) {
            return new DataSegment(dataSource, interval, versionOf(interval), Map.of(), List.of(), List.of(), 0, 0);
        }

        @Override
        public void announce(DataSegment sink) {
        }

        @Override
        public void unannounce(DataSegment sink) {
        }

        @Override
        public DataSegment push(Path segmentDirectory, DataSegment segment) {
            throw new UnsupportedOperationException("no deep storage: this node does not hand off");
        }

        @Override
        public void publish(DataSegment segment) {
            throw new UnsupportedOperationException("no metadata store: this node does not hand off");
        }

        @Override
        public boolean isPublished(DataSegment segment) {
            return false;
        }

        @Override
        public boolean isServedByHistorical(DataSegment segment) {
            return false;
        }

        @Override
        public boolean handsOff() {
            return false;
        }
    };
}
