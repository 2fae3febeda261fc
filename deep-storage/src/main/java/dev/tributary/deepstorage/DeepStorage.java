package dev.tributary.deepstorage;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where finished segments live once they leave the node that built them: a directory of segment
 * files goes in under a {@link SegmentKey}, and comes back out through the location that
 * {@link #push} returned (the DataSegment {@code loadSpec}).
 *
 * <p><b>Threading.</b> Implementations are thread-safe: any method may be called from any thread,
 * concurrently. Concurrent pushes of the same key are not ordered against each other: the segment
 * that ends up stored is a complete one of them, and a push that loses a race may fail with a
 * retriable {@link DeepStorageException} (trying again is then a no-op if the files are the same).
 *
 * <p><b>Atomicity.</b> A segment becomes visible only when every one of its files is stored: each
 * implementation writes the files first and publishes a {@link #COMPLETE_MARKER} last, and
 * {@link #pull} refuses a location whose marker is missing. A reader therefore sees either no
 * segment or a whole one, never a half-pushed one, even if the pusher crashes midway.
 *
 * <p><b>Idempotence.</b> The same key always maps to the same location. Pushing a key again
 * is a no-op if the stored segment has the same files, and otherwise replaces it whole.
 *
 * <p><b>Safety.</b> Every location is resolved against the storage base and must name a segment
 * directory under it ({@code <dataSource>/<start>_<end>/<version>/<partitionNum>/}); anything else
 * is refused with {@link LocationOutsideBaseException} before any file is touched.
 */
public interface DeepStorage {

    /**
     * The name of the marker that publishes a segment. It holds the segment's manifest (one line
     * per file: SHA-256, size, relative path), so {@link #pull} can check what it copied.
     */
    String COMPLETE_MARKER = "_COMPLETE";

    /**
     * Stores the files under {@code segmentDirectory} (recursively) as the segment {@code key}.
     *
     * @return the location of the segment, to be given to {@link #pull} and {@link #kill}
     * @throws DeepStorageException if the segment could not be stored; {@link
     *     DeepStorageException#isRetriable()} says whether trying again may help
     */
    URI push(Path segmentDirectory, SegmentKey key);

    /**
     * Copies a published segment's files (without the marker) into {@code targetDirectory}, which
     * must not exist yet; on failure nothing is left there.
     *
     * @throws SegmentNotFoundException if no complete segment is at {@code location}
     * @throws LocationOutsideBaseException if {@code location} is not a segment under this base
     */
    void pull(URI location, Path targetDirectory);

    /**
     * Deletes the segment at {@code location}: the marker first, so readers stop seeing it, then
     * its files. Killing a segment that is not there does nothing.
     *
     * @throws LocationOutsideBaseException if {@code location} is not a segment under this base
     */
    void kill(URI location);
}
