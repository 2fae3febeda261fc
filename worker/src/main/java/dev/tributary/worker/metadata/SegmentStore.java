package dev.tributary.worker.metadata;

import dev.tributary.core.time.Interval;
import java.util.List;

/**
 * The segments of the cluster as the metadata store records them: partition allocation for the
 * realtime nodes (the {@code pending_segments} table, where an allocation lives until its segment is
 * published), publishing (the {@code segments} table, in the shape of Druid's {@code druid_segments}),
 * and the list of used segments that historical nodes watch.
 *
 * <p>Thread-safe. Every method is one transaction, retried with backoff on transient database
 * errors (connection lost, serialization failure); a method that gives up throws
 * {@link MetadataStoreException}.
 */
public interface SegmentStore {
    /**
     * The partition number of the sink named {@code sequenceName} for (dataSource, interval, version).
     * The same sequence name gets the same number back until its segment is published; different names
     * get different numbers, unique among pending and published segments of that (dataSource, interval,
     * version), even when several workers allocate at once. The first is 0; each next one is one past
     * the highest pending or published (used or not) partition, so allocated numbers are dense; a sink
     * that never publishes leaves a gap among the published ones.
     *
     * <p>An allocation is pending until its segment is published: {@link #publish} removes it. A sequence
     * name asked for again after its segment was published is a new sink and gets a new partition, past
     * the published one (the plumber never does this: it names every new sink afresh and keeps a
     * sink's partition in the sink's {@code sink.json}).
     *
     * @throws IllegalArgumentException if {@code sequenceName} already holds a partition of another
     *     version of this dataSource and interval (a sequence names one sink)
     */
    int allocatePartition(String dataSource, Interval interval, String version, String sequenceName);

    /**
     * Records {@code segment} as used and removes its pending allocation (the one with the same
     * segment id, if any), in one transaction. Publishing the same id again inserts nothing and returns
     * false (a retry after an unknown outcome, or a restarted node handing off again), whatever the row
     * holds and whether or not it is still used.
     *
     * @return true if this call inserted the row; false if it was there, which includes the rare case of
     *     an attempt of this same call that committed and then lost its connection before the answer came
     */
    boolean publish(DataSegment segment);

    /** True if a segment with this id is published and used. */
    boolean isPublished(String segmentId);

    /** Every used segment, of every dataSource, ordered by dataSource, interval start, version, partition. */
    List<DataSegment> usedSegments();

    /** Marks a segment unused (it stays in the table; historicals drop it). False if it was not used. */
    boolean markUnused(String segmentId);
}
