package dev.tributary.worker.historical;

import dev.tributary.core.io.FileTrees;
import dev.tributary.core.segment.CorruptSegmentException;
import dev.tributary.core.segment.Segment;
import dev.tributary.core.time.DateTimes;
import dev.tributary.deepstorage.DeepStorage;
import dev.tributary.deepstorage.LocationOutsideBaseException;
import dev.tributary.deepstorage.SegmentKey;
import dev.tributary.worker.metadata.DataSegment;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A historical's local copies of segments, pulled from deep storage and memory-mapped, under one base
 * directory laid out like deep storage ({@code dataSource/start_end/version/partitionNum/}). A segment
 * already in the cache (from before a restart) is opened, checksums verified, without pulling; one
 * that fails to open is deleted and pulled again, and copies of segments the node no longer holds
 * are deleted ({@link #retainOnly}). The cache holds at most {@code maxBytes} of segments (by their
 * published size).
 *
 * <p>Threading: called from the historical's one load thread; {@link #usedBytes} from any thread.
 */
final class SegmentCache {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentCache.class);
    /** dataSource/interval/version/partitionNum. */
    private static final int SEGMENT_DEPTH = 4;

    private final Path base;
    private final long maxBytes;
    private final DeepStorage deepStorage;
    private final Map<String, Long> sizes = new ConcurrentHashMap<>();

    SegmentCache(Path base, long maxBytes, DeepStorage deepStorage) throws IOException {
        this.base = base.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        this.deepStorage = deepStorage;
        Files.createDirectories(this.base);
    }

    /** Thrown when a segment does not fit in the cache. */
    static final class CacheFullException extends IOException {
        CacheFullException(String message) {
            super(message);
        }
    }

    /**
     * The segment, opened from the cache, pulled first if it is not there.
     *
     * @throws CacheFullException if it does not fit
     * @throws dev.tributary.deepstorage.LocationOutsideBaseException if its loadSpec points outside deep storage
     * @throws IllegalArgumentException if its loadSpec is not one this node reads
     */
    Segment load(DataSegment segment) throws IOException {
        Path directory = directoryOf(segment);
        if (!sizes.containsKey(segment.id()) && usedBytes() + segment.size() > maxBytes) {
            throw new CacheFullException("segment " + segment.id() + " (" + segment.size() + " bytes) does not fit in the "
                    + "segment cache (" + usedBytes() + " of " + maxBytes + " bytes used); raise tributary.segmentCache.maxSizeBytes "
                    + "or add historicals");
        }
        if (Files.isDirectory(directory)) {
            try {
                Segment cached = Segment.open(directory);
                sizes.put(segment.id(), segment.size());
                return cached;
            } catch (CorruptSegmentException e) {
                LOG.warn("cached copy of {} is damaged ({}); pulling it again", segment.id(), e.getMessage());
                FileTrees.deleteRecursively(directory);
            }
        }
        URI location = location(segment);
        Files.createDirectories(directory.getParent());
        try {
            deepStorage.pull(location, directory);
        } catch (RuntimeException e) {
            try {
                deleteEmptyParents(directory); // a refused or failed pull leaves nothing behind
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        Segment pulled = Segment.open(directory);
        if (!pulled.dataSource().equals(segment.dataSource())) {
            FileTrees.deleteRecursively(directory);
            throw new IllegalArgumentException("segment at " + location + " is of dataSource '" + pulled.dataSource()
                    + "', not '" + segment.dataSource() + "' as its metadata says");
        }
        sizes.put(segment.id(), segment.size());
        return pulled;
    }

    /** Deletes the cached copy (open mappings stay valid until they are collected). */
    void remove(DataSegment segment) throws IOException {
        sizes.remove(segment.id());
        Path directory = directoryOf(segment);
        FileTrees.deleteRecursively(directory);
        deleteEmptyParents(directory);
    }

    /**
     * Deletes every cached segment directory other than those of {@code keep}: copies left from before
     * a restart of segments that are no longer used or no longer this node's share, which nothing
     * else would delete and which {@link #usedBytes} does not count. Only directories laid out like a
     * segment's are touched.
     */
    void retainOnly(Collection<DataSegment> keep) throws IOException {
        Set<Path> kept = new HashSet<>();
        for (DataSegment segment : keep) {
            kept.add(directoryOf(segment));
        }
        List<Path> stale;
        try (Stream<Path> walk = Files.walk(base, SEGMENT_DEPTH)) {
            stale = walk.filter(p -> base.relativize(p).getNameCount() == SEGMENT_DEPTH && Files.isDirectory(p))
                    .filter(p -> !kept.contains(p) && isSegmentDirectory(p))
                    .toList();
        }
        for (Path directory : stale) {
            LOG.info("deleting {} from the segment cache: not a segment this node holds", base.relativize(directory));
            FileTrees.deleteRecursively(directory);
            deleteEmptyParents(directory);
        }
    }

    long usedBytes() {
        return sizes.values().stream().mapToLong(Long::longValue).sum();
    }

    long maxBytes() {
        return maxBytes;
    }

    private Path directoryOf(DataSegment segment) {
        SegmentKey key = new SegmentKey(segment.dataSource(), DateTimes.print(segment.interval().start()),
                DateTimes.print(segment.interval().end()), segment.version(), segment.partitionNum());
        Path directory = base.resolve(key.relativePath()).normalize();
        if (!directory.startsWith(base) || directory.equals(base)) {
            throw new IllegalArgumentException("segment " + segment.id() + " would be cached outside " + base);
        }
        return directory;
    }

    private static URI location(DataSegment segment) {
        Object uri = segment.loadSpec().get("uri");
        if (!(uri instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("segment " + segment.id() + " has no loadSpec.uri: " + segment.loadSpec());
        }
        return URI.create(text);
    }

    private boolean isSegmentDirectory(Path directory) {
        try {
            SegmentKey.fromRelativePath(base.relativize(directory).toString().replace('\\', '/'));
            return true;
        } catch (LocationOutsideBaseException e) {
            return false;
        }
    }

    /** Deletes the directories above a deleted segment up to the base, as long as they are empty. */
    private void deleteEmptyParents(Path directory) throws IOException {
        for (Path parent = directory.getParent(); parent != null && !parent.equals(base); parent = parent.getParent()) {
            try (Stream<Path> entries = Files.list(parent)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(parent);
        }
    }
}
