package dev.tributary.worker.plumber;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tributary.core.Json;
import dev.tributary.core.TributaryException;
import dev.tributary.core.io.FileTrees;
import dev.tributary.core.segment.CorruptSegmentException;
import dev.tributary.core.segment.Segment;
import dev.tributary.core.time.Interval;
import dev.tributary.worker.metadata.DataSegment;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dataSource's persisted hydrants on local disk, and the lock that keeps a second process off them.
 * <pre>
 * basePersistDirectory/dataSource/
 *   .lock                          held while a node ingests into this directory
 *   startMillis_endMillis/         one sink (segment interval)
 *     n/                           hydrant n, a segment (written crash-safely by the segment writer)
 *     n.commit                     the metadata of the commit covering hydrant n, written after it
 *     sink.json                    the segment the sink becomes (its allocated partition), written at creation
 *     merged/                      the hydrants merged into one segment for handoff
 * </pre>
 * On start a node keeps a hydrant only if its commit file exists and the firehose confirms that
 * commit happened; everything else (a temporary directory of a persist cut short, a hydrant without a
 * commit file, an unconfirmed one) is deleted with a log line, since its rows will be read again. A
 * damaged hydrant whose commit was confirmed is moved aside as {@code n.corrupt} and logged as an
 * error: its rows are not served, and not deleted either.
 *
 * <p>Threading: {@link #restore} on the ingestion thread before ingestion; the write and delete
 * methods from the persist thread or, for deletes, the ingestion thread, never on the same hydrant
 * at once.
 */
final class PersistDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PersistDirectory.class);
    private static final String COMMIT_SUFFIX = ".commit";
    private static final String SINK_FILE = "sink.json";
    private static final String MERGED = "merged";
    private static final String DROPPED_PREFIX = ".dropped-";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private PersistDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (creating) {@code base/dataSource} and locks it, or refuses if another process holds it. */
    static PersistDirectory open(Path base, String dataSource) throws IOException {
        Path root = base.resolve(dataSource).normalize();
        if (!root.startsWith(base.normalize())) {
            throw new TributaryException("dataSource '" + dataSource + "' would leave basePersistDirectory " + base);
        }
        Files.createDirectories(root);
        FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new TributaryException("basePersistDirectory " + root + " is in use by another Tributary process "
                    + "(its .lock is held): stop that process, or give this one another basePersistDirectory");
        }
        return new PersistDirectory(root, channel, lock);
    }

    Path root() {
        return root;
    }

    Path hydrant(Interval interval, int number) {
        return sink(interval).resolve(Integer.toString(number));
    }

    private Path sink(Interval interval) {
        return root.resolve(interval.start() + "_" + interval.end());
    }

    private Path commitFile(Interval interval, int number) {
        return sink(interval).resolve(number + COMMIT_SUFFIX);
    }

    /** Where the sink's hydrants are merged into one segment for handoff. */
    Path merged(Interval interval) {
        return sink(interval).resolve(MERGED);
    }

    /** Records, crash-safely, which segment the sink of {@code interval} becomes. */
    void writeSinkSegment(Interval interval, DataSegment segment) throws IOException {
        Files.createDirectories(sink(interval));
        writeJson(sink(interval).resolve(SINK_FILE), segment);
    }

    /** The segment recorded for the sink of {@code interval}, or null when none was (or it is unreadable). */
    DataSegment readSinkSegment(Interval interval) {
        Path file = sink(interval).resolve(SINK_FILE);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return Json.mapper().readValue(file.toFile(), DataSegment.class);
        } catch (IOException e) {
            LOG.warn("ignoring unreadable {}: {}; the sink gets a new partition", file, e.getMessage());
            return null;
        }
    }

    /** Writes hydrant {@code number}'s commit metadata crash-safely (temp file, force, rename, force). */
    void writeCommit(Interval interval, int number, Map<String, Object> metadata) throws IOException {
        writeJson(commitFile(interval, number), metadata);
    }

    private static void writeJson(Path target, Object value) throws IOException {
        Path temp = target.resolveSibling(".tmp-" + target.getFileName());
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(Json.mapper().writeValueAsBytes(value)));
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    /**
     * Deletes a sink's directory and everything in it. The directory is first renamed aside in one
     * step, so a crash leaves the sink either whole or gone (what is renamed aside is deleted at the
     * next start), never a part of its hydrants that would be served or handed off again.
     */
    void deleteSink(Interval interval) throws IOException {
        Path dir = sink(interval);
        if (!Files.exists(dir)) {
            return;
        }
        Path aside = root.resolve(DROPPED_PREFIX + dir.getFileName());
        FileTrees.deleteRecursively(aside);
        Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.deleteRecursively(aside);
    }

    /** Deletes hydrant {@code number} and its commit file. */
    void delete(Interval interval, int number) throws IOException {
        FileTrees.deleteRecursively(hydrant(interval, number));
        Files.deleteIfExists(commitFile(interval, number));
    }

    /** A hydrant kept from an earlier run. */
    record Restored(Interval interval, int number, Segment segment) {
    }

    /** The confirmed hydrants of earlier runs, by sink; everything else is cleaned away (see the class comment). */
    Map<Interval, List<Restored>> restore(Predicate<Map<String, Object>> confirmed) throws IOException {
        Map<Interval, List<Restored>> kept = new TreeMap<>(java.util.Comparator.comparingLong(Interval::start));
        for (Path sinkDir : list(root)) {
            if (sinkDir.getFileName().toString().startsWith(DROPPED_PREFIX)) {
                FileTrees.deleteRecursively(sinkDir); // a sink whose deletion was cut short
                continue;
            }
            Interval interval = parseInterval(sinkDir);
            if (interval == null) {
                continue;
            }
            for (Path entry : list(sinkDir)) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".tmp-")) {
                    LOG.info("deleting {}: a persist that did not finish", entry);
                    FileTrees.deleteRecursively(entry);
                } else if (name.matches("[0-9]+") && Files.isDirectory(entry)) {
                    Restored restored = restoreHydrant(interval, Integer.parseInt(name), confirmed);
                    if (restored != null) {
                        kept.computeIfAbsent(interval, i -> new ArrayList<>()).add(restored);
                    }
                } else if (name.endsWith(COMMIT_SUFFIX)
                        && !Files.isDirectory(sinkDir.resolve(name.substring(0, name.length() - COMMIT_SUFFIX.length())))) {
                    Files.deleteIfExists(entry); // its hydrant is gone
                } else if (name.equals(MERGED)) {
                    FileTrees.deleteRecursively(entry); // a handoff cut short: it merges again from the hydrants
                }
            }
            boolean quarantined = list(sinkDir).stream().anyMatch(p -> p.getFileName().toString().endsWith(".corrupt"));
            if (!kept.containsKey(interval) && !quarantined) {
                LOG.info("deleting {}: no committed hydrant is left in it", sinkDir);
                FileTrees.deleteRecursively(sinkDir);
            }
        }
        kept.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(Restored::number)));
        return kept;
    }

    private Restored restoreHydrant(Interval interval, int number, Predicate<Map<String, Object>> confirmed) throws IOException {
        Path dir = hydrant(interval, number);
        Path commit = commitFile(interval, number);
        if (!Files.exists(commit)) {
            LOG.info("deleting hydrant {}: persisted but never committed, its rows will be read again", dir);
            delete(interval, number);
            return null;
        }
        Map<String, Object> metadata = Json.mapper().readValue(commit.toFile(), new TypeReference<Map<String, Object>>() { });
        if (!confirmed.test(metadata)) {
            LOG.info("deleting hydrant {}: its commit {} did not happen, its rows will be read again", dir, metadata.get("commitId"));
            delete(interval, number);
            return null;
        }
        try {
            return new Restored(interval, number, Segment.open(dir));
        } catch (CorruptSegmentException e) {
            Path aside = dir.resolveSibling(number + ".corrupt");
            LOG.error("hydrant {} was committed but is damaged; moved aside to {} and not served: {}", dir, aside, e.getMessage());
            Files.move(dir, aside, StandardCopyOption.REPLACE_EXISTING);
            return null;
        }
    }

    private static Interval parseInterval(Path sinkDir) {
        String[] parts = sinkDir.getFileName().toString().split("_");
        if (parts.length != 2 || !Files.isDirectory(sinkDir)) {
            return null;
        }
        try {
            return new Interval(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        try (lockChannel) {
            lock.release();
        }
    }
}
