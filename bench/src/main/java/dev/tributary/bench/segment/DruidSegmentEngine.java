package dev.tributary.bench.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.bench.druid.DruidEngine;
import dev.tributary.bench.druid.DruidJson;
import dev.tributary.bench.engine.EngineIndex;
import dev.tributary.bench.engine.PreparedQuery;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.druid.query.aggregation.AggregatorFactory;
import org.apache.druid.segment.BaseProgressIndicator;
import org.apache.druid.segment.IndexIO;
import org.apache.druid.segment.IndexMerger;
import org.apache.druid.segment.IndexMergerV9;
import org.apache.druid.segment.IndexSpec;
import org.apache.druid.segment.QueryableIndex;
import org.apache.druid.segment.QueryableIndexSegment;
import org.apache.druid.segment.column.ColumnConfig;
import org.apache.druid.segment.incremental.IncrementalIndex;
import org.apache.druid.segment.writeout.TmpFileSegmentWriteOutMediumFactory;
import org.apache.druid.timeline.SegmentId;

/**
 * Apache Druid's segment path, wired as a Kafka indexing task wires it (StreamAppenderator):
 * <ul>
 *   <li>persist: {@link IndexMergerV9#persist} of the hydrant's {@code OnheapIncrementalIndex}, with the
 *       default {@link IndexSpec} (a task's default indexSpec and indexSpecForIntermediatePersists) and
 *       temporary-file write-out (Druid's default segmentWriteOutMediumFactory);</li>
 *   <li>load: {@link IndexIO#loadIndex}, queried as a {@link QueryableIndexSegment} through the same
 *       runner chain the live-index benchmarks use ({@link DruidEngine#prepare(String, org.apache.druid.segment.Segment)});</li>
 *   <li>merge: {@link IndexMergerV9#mergeQueryableIndex} of the loaded hydrants, rollup on, with no
 *       limit on columns merged at once (a task's default maxColumnsToMerge).</li>
 * </ul>
 * On Java 17, loading needs the {@code --add-exports}/{@code --add-opens} flags that bench/run-segments.sh passes.
 */
public final class DruidSegmentEngine implements SegmentEngine {
    private static final SegmentId SEGMENT_ID = SegmentId.dummy("bench");

    private final DruidEngine engine;
    private final IndexIO indexIO;
    private final IndexMergerV9 merger;
    private final IndexSpec indexSpec = IndexSpec.getDefault();
    private final AggregatorFactory[] combiningMetrics;

    /**
     * @param dataSchemaJson a Druid {@code dataSchema}, as {@link DruidEngine} reads it
     * @param maxRows the most rows one in-memory index will be given
     */
    public DruidSegmentEngine(String dataSchemaJson, int maxRows) {
        this.engine = new DruidEngine(dataSchemaJson, maxRows);
        ObjectMapper mapper = DruidJson.newMapper();
        this.indexIO = new IndexIO(mapper, ColumnConfig.DEFAULT);
        // storeEmptyColumns true: what a task's IndexMergerV9 does unless its context says otherwise.
        this.merger = new IndexMergerV9(mapper, indexIO, TmpFileSegmentWriteOutMediumFactory.instance(), true);
        // A task passes the schema's own metrics; the merger turns them into their combining factories
        // itself. Passing those directly makes the merge's aggregation explicit and is the same merge.
        this.combiningMetrics = Arrays.stream(engine.metrics())
                .map(AggregatorFactory::getCombiningFactory).toArray(AggregatorFactory[]::new);
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public DruidEngine engine() {
        return engine;
    }

    @Override
    public WrittenSegment persist(EngineIndex index, Path directory) {
        IncrementalIndex incremental = ((DruidEngine.DruidIndex) index).incrementalIndex();
        try {
            File written = merger.persist(incremental, directory.toFile(), indexSpec, null);
            return new WrittenSegment(incremental.numRows(), Directories.sizeOf(written.toPath()));
        } catch (IOException e) {
            throw new UncheckedIOException("Druid could not persist to " + directory, e);
        }
    }

    @Override
    public LoadedSegment load(Path directory) {
        QueryableIndex index = loadIndex(directory);
        QueryableIndexSegment segment = new QueryableIndexSegment(index, SEGMENT_ID);
        return new LoadedSegment() {
            @Override
            public int rowCount() {
                return index.getNumRows();
            }

            @Override
            public PreparedQuery prepare(String queryJson) {
                return engine.prepare(queryJson, segment);
            }

            @Override
            public void close() {
                segment.close(); // closes the index too
            }
        };
    }

    @Override
    public WrittenSegment merge(List<Path> pieces, Path directory) {
        List<QueryableIndex> indexes = new ArrayList<>(pieces.size());
        try {
            for (Path piece : pieces) {
                indexes.add(loadIndex(piece));
            }
            File written = merger.mergeQueryableIndex(indexes, true, combiningMetrics, engine.dimensionsSpec(),
                    directory.toFile(), indexSpec, indexSpec, new BaseProgressIndicator(), null,
                    IndexMerger.UNLIMITED_MAX_COLUMNS_TO_MERGE);
            // The merger does not say how many rows it wrote; the segment's header does (a millisecond to read).
            try (QueryableIndex merged = loadIndex(written.toPath())) {
                return new WrittenSegment(merged.getNumRows(), Directories.sizeOf(written.toPath()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Druid could not merge into " + directory, e);
        } finally {
            indexes.forEach(QueryableIndex::close);
        }
    }

    @Override
    public void close() {
        // Nothing: the query runners' buffer pools are process-wide, shared with the live-index benchmarks.
    }

    private QueryableIndex loadIndex(Path directory) {
        try {
            return indexIO.loadIndex(directory.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Druid could not load " + directory, e);
        }
    }
}
