package dev.tributary.bench.druid;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.bench.engine.Engine;
import dev.tributary.bench.engine.EngineIndex;
import dev.tributary.bench.engine.PreparedQuery;
import dev.tributary.bench.engine.UnsupportedQueryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.druid.data.input.ColumnsFilter;
import org.apache.druid.data.input.InputRow;
import org.apache.druid.data.input.InputRowSchema;
import org.apache.druid.data.input.Row;
import org.apache.druid.data.input.impl.DimensionsSpec;
import org.apache.druid.data.input.impl.MapInputRowParser;
import org.apache.druid.data.input.impl.TimestampSpec;
import org.apache.druid.java.util.common.granularity.Granularity;
import org.apache.druid.query.Query;
import org.apache.druid.query.aggregation.AggregatorFactory;
import org.apache.druid.query.aggregation.hyperloglog.HyperUniquesSerde;
import org.apache.druid.query.groupby.GroupByQuery;
import org.apache.druid.query.groupby.ResultRow;
import org.apache.druid.segment.IncrementalIndexSegment;
import org.apache.druid.segment.Segment;
import org.apache.druid.segment.incremental.IncrementalIndex;
import org.apache.druid.segment.incremental.IncrementalIndexAddResult;
import org.apache.druid.segment.incremental.IncrementalIndexSchema;
import org.apache.druid.segment.incremental.OnheapIncrementalIndex;
import org.apache.druid.segment.serde.ComplexMetrics;
import org.apache.druid.timeline.SegmentId;

/**
 * Apache Druid's processing engine as the baseline: events are read by Druid's Jackson mapper into a
 * map and made a {@code MapBasedInputRow} by {@link MapInputRowParser} (what Druid's JSON input
 * format does per record), then added to an {@link OnheapIncrementalIndex}. Queries run through
 * Druid's own query runners over an {@link IncrementalIndexSegment}, or over any other {@link Segment}
 * (a persisted one, in the segment benchmarks).
 */
public final class DruidEngine implements Engine {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<Row>> ROWS = new TypeReference<>() {
    };

    static {
        // What Druid's HyperUniques module registers at startup; the "basic" schema has a hyperUnique metric.
        if (ComplexMetrics.getSerdeForType("hyperUnique") == null) {
            ComplexMetrics.registerSerde("hyperUnique", new HyperUniquesSerde());
        }
    }

    private final ObjectMapper mapper = DruidJson.newMapper();
    private final InputRowSchema rowSchema;
    private final IncrementalIndexSchema indexSchema;
    private final int maxRows;

    /**
     * @param dataSchemaJson a Druid {@code dataSchema} (top-level timestampSpec/dimensionsSpec form)
     * @param maxRows the most rows one index will be given; Druid's index refuses rows past its limit
     */
    public DruidEngine(String dataSchemaJson, int maxRows) {
        this.maxRows = Math.max(1, maxRows);
        try {
            JsonNode schema = mapper.readTree(dataSchemaJson);
            TimestampSpec timestamp = mapper.treeToValue(schema.get("timestampSpec"), TimestampSpec.class);
            DimensionsSpec dimensions = mapper.treeToValue(schema.get("dimensionsSpec"), DimensionsSpec.class);
            AggregatorFactory[] metrics = mapper.treeToValue(schema.get("metricsSpec"), AggregatorFactory[].class);
            JsonNode granularity = schema.get("granularitySpec");
            Granularity queryGranularity = mapper.treeToValue(granularity.get("queryGranularity"), Granularity.class);
            this.rowSchema = new InputRowSchema(timestamp, dimensions, ColumnsFilter.all());
            this.indexSchema = new IncrementalIndexSchema.Builder()
                    .withTimestampSpec(timestamp)
                    .withDimensionsSpec(dimensions)
                    .withMetrics(metrics)
                    .withQueryGranularity(queryGranularity)
                    .withRollup(granularity.path("rollup").asBoolean(true))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("Druid cannot read the dataSchema", e);
        }
    }

    @Override
    public String name() {
        return "Druid";
    }

    @Override
    public Object parse(byte[] event) {
        try {
            return MapInputRowParser.parse(rowSchema, mapper.readValue(event, MAP));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public DruidIndex newIndex() {
        IncrementalIndex index = new OnheapIncrementalIndex.Builder()
                .setIndexSchema(indexSchema)
                .setMaxRowCount(maxRows)
                .build();
        return new DruidIndex(index);
    }

    @Override
    public List<String> deviations() {
        return List.of();
    }

    /** The dataSchema's metrics, as Druid reads them. */
    public AggregatorFactory[] metrics() {
        return indexSchema.getMetrics();
    }

    /** The dataSchema's dimensions, as Druid reads them. */
    public DimensionsSpec dimensionsSpec() {
        return indexSchema.getDimensionsSpec();
    }

    /**
     * Prepares a Druid native query (JSON) against one segment, live or persisted, through the runner
     * chain of {@link DruidQueryRunners}, and runs it once to be sure it runs.
     *
     * @throws UnsupportedQueryException if Druid cannot read the query or the bench wires no runner for it
     */
    public PreparedQuery prepare(String queryJson, Segment segment) {
        Query<?> query;
        try {
            query = mapper.readValue(queryJson, Query.class);
        } catch (IOException e) {
            throw new UnsupportedQueryException("Druid cannot read the query: " + e.getMessage(), e);
        }
        DruidQueryRunners.Prepared<?> prepared = DruidQueryRunners.shared().prepare(query, segment);
        prepared.run();
        return new PreparedQuery() {
            @Override
            public Object run() {
                return prepared.run();
            }

            @Override
            public String toJson(Object results) {
                try {
                    if (query instanceof GroupByQuery groupBy) {
                        // Written as Row, so that Jackson adds the "version" type id a broker's answer carries.
                        List<Row> rows = ((List<?>) results).stream()
                                .map(row -> (Row) ((ResultRow) row).toMapBasedRow(groupBy)).toList();
                        return mapper.writerFor(ROWS).writeValueAsString(rows);
                    }
                    return mapper.writeValueAsString(results);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** Druid's index, and the segment view its query runners read. */
    public final class DruidIndex implements EngineIndex {
        private final IncrementalIndex index;

        DruidIndex(IncrementalIndex index) {
            this.index = index;
        }

        @Override
        public void add(Object parsedEvent) {
            IncrementalIndexAddResult result = index.add((InputRow) parsedEvent);
            if (result.hasParseException()) {
                throw new IllegalStateException("Druid could not add a row: " + result.getParseException().getMessage());
            }
        }

        @Override
        public int rowCount() {
            return index.numRows();
        }

        /** Druid's own estimate of the heap its rows take (what maxBytesInMemory is checked against). */
        public long estimatedBytesInMemory() {
            return index.getBytesInMemory().get();
        }

        /** The index itself, for persisting it. */
        public IncrementalIndex incrementalIndex() {
            return index;
        }

        @Override
        public PreparedQuery prepare(String queryJson) {
            return DruidEngine.this.prepare(queryJson, new IncrementalIndexSegment(index, SegmentId.dummy("bench")));
        }
    }
}
