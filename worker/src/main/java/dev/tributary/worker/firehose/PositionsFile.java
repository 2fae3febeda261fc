package dev.tributary.worker.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * The durable positions of a {@code local} firehose: per file, the next line to read, and the ids of
 * the last {@value #KEPT_COMMITS} commits that wrote them:
 * <pre>{"positions": {"a.json": 120, "b.json": 7}, "commits": ["3f0c...", ...]}</pre>
 *
 * <p>Each commit replaces the whole file crash-safely: written to a temporary file, forced, renamed
 * over the old one atomically, then the directory forced so the rename itself survives a crash. A
 * reader therefore sees the old commit or the new one, never half of one.
 *
 * <p>Thread-safe: commits come from the plumber's persist thread while the ingestion thread reads
 * positions; every method holds this object's lock, so commits are written one at a time, in order.
 */
final class PositionsFile {
    static final int KEPT_COMMITS = 100;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final Map<String, Long> positions = new TreeMap<>();
    private final Deque<String> commits = new ArrayDeque<>();

    private PositionsFile(Path file) {
        this.file = file;
    }

    /** The positions recorded in {@code file}; none if it does not exist yet. */
    static PositionsFile open(Path file) {
        PositionsFile opened = new PositionsFile(file);
        if (!Files.exists(file)) {
            return opened;
        }
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            root.path("positions").fields().forEachRemaining(e -> opened.positions.put(e.getKey(), e.getValue().asLong()));
            root.path("commits").forEach(id -> opened.commits.addLast(id.asText()));
            return opened;
        } catch (IOException e) {
            throw new LocalFirehoseException("cannot read positions file " + file + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return file;
    }

    /** The next line of every file that has a durable position. */
    synchronized Map<String, Long> positions() {
        return Map.copyOf(positions);
    }

    /** Whether one of the last {@value #KEPT_COMMITS} commits had this id. */
    synchronized boolean holds(String commitId) {
        return commits.contains(commitId);
    }

    /**
     * Records {@code next} (files not in it keep their positions) under {@code commitId}, durably,
     * before returning. Nothing changes, in memory or on disk, if the write fails.
     */
    synchronized void commit(String commitId, Map<String, Long> next) {
        Map<String, Long> newPositions = new TreeMap<>(positions);
        newPositions.putAll(next);
        Deque<String> newCommits = new ArrayDeque<>(commits);
        newCommits.addLast(commitId);
        while (newCommits.size() > KEPT_COMMITS) {
            newCommits.removeFirst();
        }
        try {
            write(newPositions, newCommits);
        } catch (IOException e) {
            throw new LocalFirehoseException("cannot write positions file " + file + ": " + e.getMessage(), e);
        }
        positions.clear();
        positions.putAll(newPositions);
        commits.clear();
        commits.addAll(newCommits);
    }

    private void write(Map<String, Long> newPositions, Deque<String> newCommits) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode files = root.putObject("positions");
        newPositions.forEach(files::put);
        newCommits.forEach(root.putArray("commits")::add);
        byte[] bytes = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        }
    }
}
