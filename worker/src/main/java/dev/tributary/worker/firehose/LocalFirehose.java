package dev.tributary.worker.firehose;

import dev.tributary.core.spi.Committer;
import dev.tributary.core.spi.Firehose;
import dev.tributary.core.spi.RawEvent;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the files of a {@link LocalFirehoseFactory}: partition = file name, offset = 0-based line
 * number. Each poll looks for new matching files and lines appended to known ones, then reads up to
 * {@value #BATCH} lines in file-name order.
 *
 * <p>Positions are durable only through a {@link Committer}, in the {@link PositionsFile} beside the
 * files; a firehose started on the same directory reads on from there. Never reads outside the
 * directory: names come from listing it, and a file whose real path (symbolic links followed) is
 * elsewhere is skipped with a warning.
 */
final class LocalFirehose implements Firehose {
    static final int BATCH = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(LocalFirehose.class);
    private static final long RESCAN_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Path baseDir;
    private final Path realBaseDir;
    private final PathMatcher filter;
    private final PositionsFile positions;
    /** By file name, so iteration is reading order. Ingestion thread only. */
    private final TreeMap<String, LineCursor> cursors = new TreeMap<>();
    private final Set<String> refused = new HashSet<>();

    LocalFirehose(Path baseDir, PathMatcher filter, PositionsFile positions) {
        this.baseDir = baseDir;
        this.filter = filter;
        this.positions = positions;
        try {
            this.realBaseDir = baseDir.toRealPath();
        } catch (IOException e) {
            throw new LocalFirehoseException("cannot open directory " + baseDir + ": " + e.getMessage(), e);
        }
        LOG.info("reading {} from the positions in {}", baseDir, positions.path());
    }

    @Override
    public List<RawEvent> poll(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            discover();
            List<RawEvent> events = read();
            long left = deadline - System.nanoTime();
            if (!events.isEmpty() || left <= 0) {
                return events;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, RESCAN_NANOS));
        }
    }

    /** Adds a cursor for every matching file not seen yet, starting at its durable position. */
    private void discover() {
        Map<String, Long> durable = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(baseDir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (cursors.containsKey(name) || name.startsWith(LocalFirehoseFactory.POSITIONS_PREFIX)
                        || !filter.matches(file.getFileName()) || !Files.isRegularFile(file) || inside(file) == null) {
                    continue;
                }
                durable = durable == null ? positions.positions() : durable;
                cursors.put(name, new LineCursor(name, durable.getOrDefault(name, 0L)));
            }
        } catch (IOException e) {
            throw new LocalFirehoseException("cannot list " + baseDir + ": " + e.getMessage(), e);
        }
    }

    private List<RawEvent> read() {
        List<RawEvent> events = new ArrayList<>();
        for (LineCursor cursor : cursors.values()) {
            if (events.size() >= BATCH) {
                break;
            }
            Path file = inside(baseDir.resolve(cursor.name()));
            if (file == null) {
                continue;
            }
            try {
                cursor.read(file, BATCH - events.size(), events);
            } catch (NoSuchFileException e) {
                // deleted since it was listed: nothing more to read from it
            } catch (IOException e) {
                throw new LocalFirehoseException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return events;
    }

    /** The real path of {@code file} if it is inside the directory; null (warned once) if not, or gone. */
    private Path inside(Path file) {
        try {
            Path real = file.toRealPath();
            if (!real.equals(realBaseDir) && real.startsWith(realBaseDir)) {
                return real;
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new LocalFirehoseException("cannot resolve " + file + ": " + e.getMessage(), e);
        }
        if (refused.add(file.getFileName().toString())) {
            LOG.warn("not reading {}: it leads outside {}", file, baseDir);
        }
        return null;
    }

    /**
     * The committer records the next line of each file in {@code handled}; the commit id it stores
     * lets {@link #confirms} answer exactly for the last {@value PositionsFile#KEPT_COMMITS} commits.
     */
    @Override
    public Committer makeCommitter(Map<String, Long> handled) {
        Map<String, Long> covered = Map.copyOf(handled);
        String commitId = UUID.randomUUID().toString();
        Map<String, Object> metadata = Map.of("commitId", commitId, "baseDir", baseDir.toString(), "partitions", covered);
        return new Committer() {
            @Override
            public Map<String, Object> metadata() {
                return metadata;
            }

            @Override
            public void run() {
                positions.commit(commitId, covered);
            }
        };
    }

    @Override
    public void rewind() {
        Map<String, Long> durable = positions.positions();
        cursors.replaceAll((name, cursor) -> new LineCursor(name, durable.getOrDefault(name, 0L)));
    }

    /**
     * True if the positions file holds the commit's id or, for a commit older than the ids it keeps,
     * if every file's durable position has reached the commit's. The second answer is sound because
     * this firehose never refuses a commit: nothing is rewound, so a later commit that ran covers
     * every row persisted before it, and a restart that discarded those rows would lose them.
     */
    @Override
    public boolean confirms(Map<String, Object> metadata) {
        if (metadata.get("commitId") instanceof String id && positions.holds(id)) {
            return true;
        }
        if (!(metadata.get("partitions") instanceof Map<?, ?> partitions) || partitions.isEmpty()) {
            return false;
        }
        Map<String, Long> durable = positions.positions();
        for (Map.Entry<?, ?> entry : partitions.entrySet()) {
            Long reached = durable.get(String.valueOf(entry.getKey()));
            if (!(entry.getValue() instanceof Number wanted) || reached == null || reached < wanted.longValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        // no file stays open between polls
    }
}
