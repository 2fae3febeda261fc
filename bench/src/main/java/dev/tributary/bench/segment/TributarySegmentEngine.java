package dev.tributary.bench.segment;

import dev.tributary.bench.engine.EngineIndex;
import dev.tributary.bench.engine.PreparedQuery;
import dev.tributary.bench.tributary.TributaryEngine;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.segment.Segment;
import dev.tributary.core.segment.SegmentMerger;
import dev.tributary.core.segment.SegmentWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Tributary's segment path: {@link SegmentWriter#write} of the live {@code IncrementalIndex},
 * {@link Segment#open} for queries (run as the live-index benchmarks run them: {@code QueryExecutor}
 * over the pieces, {@code QueryReader}), and {@link SegmentMerger#merge} of the opened hydrants.
 *
 * <p>KEPT OUT OF THE BUILD (as {@code .java.pending}) until core has {@code dev.tributary.core.segment};
 * {@link SegmentSides} finds this class by name once it is renamed to {@code .java}. Written against:
 * <ul>
 *   <li>{@code SegmentWriter.write(QueryableIndex, Path)} and {@code SegmentMerger.merge(List<? extends
 *       QueryableIndex>, Path)}, returning a record with {@code rows()} and {@code bytes()};</li>
 *   <li>{@code Segment.open(Path)}, a {@code Segment} that is a {@link QueryableIndex} and {@link AutoCloseable}.</li>
 * </ul>
 * Whether those declare {@code IOException}, and whether {@code rows()} is an int or a long, does not
 * matter here. Bytes on disk are counted by walking the directory, the same way as Druid's, rather
 * than taken from the writer's own {@code bytes()}.
 */
public final class TributarySegmentEngine implements SegmentEngine {
    private final TributaryEngine engine;

    /** Called by {@link SegmentSides}, by reflection. */
    public TributarySegmentEngine(String dataSchemaJson) {
        this.engine = new TributaryEngine(dataSchemaJson);
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public TributaryEngine engine() {
        return engine;
    }

    @Override
    public WrittenSegment persist(EngineIndex index, Path directory) {
        var written = unchecked("write " + directory,
                () -> SegmentWriter.write(((TributaryEngine.TributaryIndex) index).incrementalIndex(), directory));
        return new WrittenSegment(Math.toIntExact(written.rows()), Directories.sizeOf(directory));
    }

    @Override
    public LoadedSegment load(Path directory) {
        Segment segment = open(directory);
        int rows = rowCount(segment);
        return new LoadedSegment() {
            @Override
            public int rowCount() {
                return rows;
            }

            @Override
            public PreparedQuery prepare(String queryJson) {
                return TributaryEngine.prepare(queryJson, List.of(segment));
            }

            @Override
            public void close() {
                TributarySegmentEngine.close(segment);
            }
        };
    }

    @Override
    public WrittenSegment merge(List<Path> pieces, Path directory) {
        List<Segment> opened = new ArrayList<>(pieces.size());
        try {
            for (Path piece : pieces) {
                opened.add(open(piece));
            }
            var written = unchecked("merge into " + directory, () -> SegmentMerger.merge(opened, directory));
            return new WrittenSegment(Math.toIntExact(written.rows()), Directories.sizeOf(directory));
        } finally {
            opened.forEach(TributarySegmentEngine::close);
        }
    }

    @Override
    public void close() {
        // Nothing beyond the segments, which their holders close.
    }

    private static Segment open(Path directory) {
        return unchecked("open " + directory, () -> Segment.open(directory));
    }

    private static void close(Segment segment) {
        unchecked("close a segment", () -> {
            segment.close();
            return null;
        });
    }

    /** The rows a scan visits: every row, since a segment does not change. */
    private static int rowCount(QueryableIndex index) {
        int[] rows = {0};
        index.scan((start, end) -> rows[0] += end - start);
        return rows[0];
    }

    /** Runs a call into core's segment API, whichever checked exceptions it declares. */
    private static <T> T unchecked(String what, Callable<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException("Tributary could not " + what, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Tributary could not " + what, e);
        }
    }
}
