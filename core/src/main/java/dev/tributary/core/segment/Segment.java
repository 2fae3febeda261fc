package dev.tributary.core.segment;

import dev.tributary.core.Json;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.ComplexSerde;
import dev.tributary.core.aggregation.ComplexSerdes;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable columnar segment read through memory mapping: a persisted hydrant or a merged
 * segment. Opening checks the format version and every file's checksum, and refuses a damaged
 * segment with a {@link CorruptSegmentException}; after that, columns read in place from the
 * mapped files, and nothing but small directories lives on the heap. Rows are sorted by time, then
 * by dimension values. Thread-safe; queries need no guard.
 *
 * <p>{@link #close} only drops this object's references: the mappings go when the garbage collector
 * finds them unreachable, so a query still running on a closed segment never reads unmapped memory.
 */
public final class Segment implements QueryableIndex, AutoCloseable {
    private final Path directory;
    private final SegmentMetadata metadata;
    private final List<String> dimensionNames;
    private final Map<String, Column> columns;
    private final MappedNumericColumn time;

    private Segment(Path directory, SegmentMetadata metadata, Map<String, Column> columns) {
        this.directory = directory;
        this.metadata = metadata;
        this.columns = columns;
        this.time = (MappedNumericColumn) columns.get("__time");
        List<String> dimensions = new ArrayList<>();
        for (SegmentMetadata.ColumnEntry entry : metadata.columns()) {
            if (entry.role() == SegmentMetadata.Role.DIMENSION) {
                dimensions.add(entry.name());
            }
        }
        this.dimensionNames = List.copyOf(dimensions);
    }

    /** Opens and verifies the segment in {@code directory}. */
    public static Segment open(Path directory) throws IOException {
        SegmentFiles.checkFormat(directory);
        SegmentMetadata metadata = readMetadata(directory);
        Map<String, Column> columns = new HashMap<>();
        for (SegmentMetadata.ColumnEntry entry : metadata.columns()) {
            SectionFile file = SectionFile.open(SegmentFiles.column(directory, entry.file()));
            Column column = switch (entry.type()) {
                case STRING -> new MappedStringColumn(file, entry.multiValued());
                case COMPLEX -> complexColumn(file, entry.typeName());
                default -> new MappedNumericColumn(file);
            };
            columns.put(entry.name(), column);
        }
        Column time = columns.get("__time");
        if (!(time instanceof MappedNumericColumn t) || t.type() != ColumnType.LONG || t.rows() != metadata.rows()) {
            throw new CorruptSegmentException("segment " + directory + " has no valid __time column for its "
                    + metadata.rows() + " rows; the segment is refused");
        }
        return new Segment(directory, metadata, columns);
    }

    private static SegmentMetadata readMetadata(Path directory) throws IOException {
        SectionFile file = SectionFile.open(directory.resolve(SegmentFiles.META_FILE));
        ByteBuffer json = file.section(0);
        byte[] bytes = new byte[json.remaining()];
        json.get(bytes);
        SegmentMetadata metadata;
        try {
            metadata = Json.mapper().readValue(bytes, SegmentMetadata.class);
        } catch (IOException e) {
            throw new CorruptSegmentException("segment " + directory + " has unreadable metadata: " + e.getMessage(), e);
        }
        if (metadata.formatVersion() != SegmentFiles.FORMAT_VERSION) {
            throw new CorruptSegmentException("segment " + directory + " has metadata of format " + metadata.formatVersion());
        }
        return metadata;
    }

    private static Column complexColumn(SectionFile file, String typeName) {
        ComplexSerde serde = ComplexSerdes.forType(typeName);
        return new MappedComplexColumn(file, typeName, serde::fromBytes);
    }

    public Path directory() {
        return directory;
    }

    public SegmentMetadata metadata() {
        return metadata;
    }

    public int rowCount() {
        return metadata.rows();
    }

    @Override
    public String dataSource() {
        return metadata.dataSource();
    }

    @Override
    public Interval dataInterval() {
        return metadata.rows() == 0 ? null : metadata.interval();
    }

    @Override
    public Granularity queryGranularity() {
        return metadata.queryGranularity();
    }

    @Override
    public boolean rollup() {
        return metadata.rollup();
    }

    @Override
    public List<String> dimensionNames() {
        return dimensionNames;
    }

    @Override
    public List<AggregatorFactory> metrics() {
        return metadata.metrics();
    }

    @Override
    public long maxIngestedEventTime() {
        return metadata.maxIngestedEventTime();
    }

    @Override
    public Column column(String name) {
        return columns.get(name);
    }

    @Override
    public NumericColumn time() {
        return time;
    }

    @Override
    public boolean sortedByTime() {
        return true;
    }

    /** Visits the rows in blocks of the column files' block size; no guard is needed. */
    @Override
    public void scan(RowBlockVisitor visitor) {
        int rows = metadata.rows();
        for (int start = 0; start < rows; start += BlockCodec.BLOCK_ROWS) {
            visitor.visit(start, Math.min(rows, start + BlockCodec.BLOCK_ROWS));
        }
    }

    @Override
    public void close() {
        // nothing to release eagerly: see the class comment
    }

    @Override
    public String toString() {
        return "Segment{" + directory + ", " + metadata.rows() + " rows}";
    }
}
