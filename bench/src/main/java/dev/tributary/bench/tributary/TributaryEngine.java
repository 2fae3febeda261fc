package dev.tributary.bench.tributary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.bench.engine.Engine;
import dev.tributary.bench.engine.EngineIndex;
import dev.tributary.bench.engine.PreparedQuery;
import dev.tributary.bench.engine.UnsupportedQueryException;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.input.InputRow;
import dev.tributary.core.input.JsonInputRowParser;
import dev.tributary.core.query.Query;
import dev.tributary.core.query.QueryExecutor;
import dev.tributary.core.query.QueryReader;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.SpecReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place the benchmarks touch Tributary's API: spec reading, JSON parsing, the incremental
 * index and the query executor. When that API changes, this class is what to update.
 *
 * <p>A metric the engine cannot build yet is left out (and reported in {@link #deviations()}) rather
 * than failing the whole run; a query it cannot read or run is reported as unsupported.
 */
public final class TributaryEngine implements Engine {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSchema schema;
    private final JsonInputRowParser parser;
    private final List<String> deviations;

    public TributaryEngine(String dataSchemaJson) {
        List<String> dropped = new ArrayList<>();
        this.schema = SpecReader.read(withSupportedMetrics(dataSchemaJson, dropped), DataSchema.class);
        this.parser = new JsonInputRowParser(schema);
        this.deviations = List.copyOf(dropped);
    }

    @Override
    public String name() {
        return "Tributary";
    }

    @Override
    public Object parse(byte[] event) {
        return parser.parse(event);
    }

    @Override
    public TributaryIndex newIndex() {
        return new TributaryIndex(new IncrementalIndex(schema));
    }

    /**
     * Prepares a Druid native query (JSON) against these pieces of the dataSource, live or persisted,
     * as the query executor reads them, and runs it once to be sure it runs.
     *
     * @throws UnsupportedQueryException if Tributary cannot read or run the query
     */
    public static PreparedQuery prepare(String queryJson, List<? extends QueryableIndex> pieces) {
        QueryExecutor executor = new QueryExecutor(dataSource -> pieces);
        Query query;
        try {
            query = QueryReader.read(queryJson.getBytes(StandardCharsets.UTF_8));
            executor.run(query);
        } catch (RuntimeException e) {
            throw new UnsupportedQueryException(e.getMessage(), e);
        }
        return new PreparedQuery() {
            @Override
            public Object run() {
                return executor.run(query);
            }

            @Override
            public String toJson(Object results) {
                try {
                    return JSON.writeValueAsString(results);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** Tributary's live index, queried as the only piece of its dataSource. */
    public static final class TributaryIndex implements EngineIndex {
        private final IncrementalIndex index;

        TributaryIndex(IncrementalIndex index) {
            this.index = index;
        }

        @Override
        public void add(Object parsedEvent) {
            index.add((InputRow) parsedEvent);
        }

        @Override
        public int rowCount() {
            return index.rowCount();
        }

        /** The index itself, for persisting it. */
        public IncrementalIndex incrementalIndex() {
            return index;
        }

        @Override
        public PreparedQuery prepare(String queryJson) {
            return TributaryEngine.prepare(queryJson, List.of(index));
        }
    }

    @Override
    public List<String> deviations() {
        return deviations;
    }

    /** The dataSchema without the metrics Tributary cannot read on their own; each one left out goes to {@code dropped}. */
    private static String withSupportedMetrics(String dataSchemaJson, List<String> dropped) {
        try {
            ObjectNode schema = (ObjectNode) JSON.readTree(dataSchemaJson);
            ArrayNode supported = JSON.createArrayNode();
            for (JsonNode metric : schema.withArray("metricsSpec")) {
                ObjectNode alone = schema.deepCopy();
                alone.putArray("metricsSpec").add(metric);
                try {
                    SpecReader.read(JSON.writeValueAsString(alone), DataSchema.class);
                    supported.add(metric);
                } catch (RuntimeException e) {
                    dropped.add("metric '" + metric.path("name").asText() + "' (" + metric.path("type").asText()
                            + ") left out: " + e.getMessage());
                }
            }
            schema.set("metricsSpec", supported);
            return JSON.writeValueAsString(schema);
        } catch (IOException e) {
            throw new UncheckedIOException("the benchmark's dataSchema is not JSON", e);
        }
    }
}
