package dev.tributary.worker.handoff;

import dev.tributary.core.time.DateTimes;
import dev.tributary.core.time.Interval;
import dev.tributary.deepstorage.DeepStorage;
import dev.tributary.deepstorage.SegmentKey;
import dev.tributary.worker.cluster.Announcer;
import dev.tributary.worker.cluster.ClusterView;
import dev.tributary.worker.cluster.ServerInfo;
import dev.tributary.worker.metadata.DataSegment;
import dev.tributary.worker.metadata.SegmentStore;
import dev.tributary.worker.plumber.SegmentHandoff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Handoff through the real cluster: partitions and publishing in the metadata store, segments in deep
 * storage, announcements and the historicals' word in ZooKeeper. Thread-safe as its parts are.
 */
public final class ClusterHandoff implements SegmentHandoff {
    private final SegmentStore store;
    private final DeepStorage deepStorage;
    private final String loadSpecType;
    private final Announcer announcer;
    private final ClusterView view;
    private final long dropDelayMillis;

    /**
     * @param loadSpecType the {@code loadSpec.type} of pushed segments ({@code local} or {@code s3})
     * @param dropDelayMillis how long a handed-off sink still answers queries routed to it before the view changed
     */
    public ClusterHandoff(SegmentStore store, DeepStorage deepStorage, String loadSpecType, Announcer announcer,
            ClusterView view, long dropDelayMillis) {
        this.store = store;
        this.deepStorage = deepStorage;
        this.loadSpecType = loadSpecType;
        this.announcer = announcer;
        this.view = view;
        this.dropDelayMillis = dropDelayMillis;
    }

    @Override
    public DataSegment allocate(String dataSource, Interval interval, String sequenceName) {
        String version = SegmentHandoff.versionOf(interval);
        int partition = store.allocatePartition(dataSource, interval, version, sequenceName);
        return new DataSegment(dataSource, interval, version, Map.of(), List.of(), List.of(), partition, 0);
    }

    @Override
    public void announce(DataSegment sink) {
        announcer.announce(sink);
    }

    @Override
    public void unannounce(DataSegment sink) {
        announcer.unannounce(sink.id());
    }

    @Override
    public DataSegment push(Path segmentDirectory, DataSegment segment) {
        SegmentKey key = new SegmentKey(segment.dataSource(), DateTimes.print(segment.interval().start()),
                DateTimes.print(segment.interval().end()), segment.version(), segment.partitionNum());
        URI location = deepStorage.push(segmentDirectory, key);
        return segment.withLoadSpec(Map.of("type", loadSpecType, "uri", location.toString()), size(segmentDirectory));
    }

    @Override
    public void publish(DataSegment segment) {
        store.publish(segment);
    }

    @Override
    public boolean isPublished(DataSegment segment) {
        return store.isPublished(segment.id());
    }

    @Override
    public boolean isServedByHistorical(DataSegment segment) {
        return view.isServedBy(segment.id(), ServerInfo.HISTORICAL);
    }

    @Override
    public boolean historicalsAvailable() {
        return view.servers(ServerInfo.HISTORICAL).stream().anyMatch(s -> !view.isLeaving(s.name()));
    }

    @Override
    public long dropDelayMillis() {
        return dropDelayMillis;
    }

    private static long size(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
