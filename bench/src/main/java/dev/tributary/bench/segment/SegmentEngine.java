package dev.tributary.bench.segment;

import dev.tributary.bench.engine.Engine;
import dev.tributary.bench.engine.EngineIndex;
import java.nio.file.Path;
import java.util.List;

/**
 * One side of the segment benchmarks: how it writes an in-memory index to disk, opens what it wrote
 * for queries, and merges persisted pieces into one segment. The in-memory index comes from
 * {@link #engine()}, the same adapter the live-index benchmarks use.
 *
 * <p>Used from one thread at a time. Every directory given must be empty or absent; the engine creates
 * it. Nothing here deletes what it wrote: the caller owns the directories.
 */
public interface SegmentEngine extends AutoCloseable {
    /** "Druid" or "Tributary". */
    String name();

    /** Parses events and builds the in-memory indexes that {@link #persist} takes. */
    Engine engine();

    /** Writes an index of {@link #engine()} to {@code directory}, as a realtime task persists a hydrant. */
    WrittenSegment persist(EngineIndex index, Path directory);

    /** Opens a directory {@link #persist} or {@link #merge} wrote, for queries, until it is closed. */
    LoadedSegment load(Path directory);

    /**
     * Merges persisted pieces into one segment in {@code directory}, rolling up rows that meet, as a
     * realtime task merges its hydrants before handing the segment off. Opening the pieces is part of
     * the work; they are closed again before this returns.
     */
    WrittenSegment merge(List<Path> pieces, Path directory);

    /** Releases whatever the engine holds beyond its segments (which the caller closes). */
    @Override
    void close();
}
