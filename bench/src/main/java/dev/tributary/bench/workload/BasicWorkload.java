package dev.tributary.bench.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.druid.jackson.DefaultObjectMapper;
import org.apache.druid.query.aggregation.AggregatorFactory;
import org.apache.druid.segment.generator.DataGenerator;
import org.apache.druid.segment.generator.GeneratorBasicSchemas;
import org.apache.druid.segment.generator.GeneratorColumnSchema;
import org.apache.druid.segment.generator.GeneratorSchemaInfo;

/**
 * Druid's own "basic" benchmark schema ({@link GeneratorBasicSchemas}), with rows from Druid's own
 * {@link DataGenerator}, rendered to JSON so that both engines parse the same bytes. Nine string
 * dimensions (three multi-valued, one always null, cardinalities up to 100,000) and Druid's six
 * metrics (count, longSum, longMax, doubleSum, doubleMin, hyperUnique); queryGranularity {@code none},
 * as Druid's IndexIngestionBenchmark builds it.
 */
public final class BasicWorkload {
    public static final String SCHEMA_NAME = "basic";
    public static final long DEFAULT_SEED = 9999L;

    private BasicWorkload() {
    }

    public static Workload generate(int count) {
        return generate(count, DEFAULT_SEED);
    }

    public static Workload generate(int count, long seed) {
        GeneratorSchemaInfo schema = GeneratorBasicSchemas.SCHEMA_MAP.get(SCHEMA_NAME);
        DataGenerator generator = new DataGenerator(schema.getColumnSchemas(), seed, schema.getDataInterval(), count);
        ObjectMapper mapper = new DefaultObjectMapper();
        List<byte[]> events = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                Map<String, Object> raw = generator.nextRaw();
                events.add(mapper.writeValueAsBytes(raw));
            }
            return new Workload("druid-basic", dataSchema(schema, mapper), events);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render Druid's generated rows as JSON", e);
        }
    }

    /** The schema as a Druid-shaped dataSchema; metrics are Druid's own, minus null-valued fields. */
    private static String dataSchema(GeneratorSchemaInfo schema, ObjectMapper mapper)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("dataSource", "basic");
        root.putObject("timestampSpec").put("column", "timestamp").put("format", "millis");
        ArrayNode dimensions = root.putObject("dimensionsSpec").putArray("dimensions");
        for (GeneratorColumnSchema column : schema.getColumnSchemas()) {
            if (!column.isMetric()) {
                dimensions.add(column.getName());
            }
        }
        ArrayNode metrics = root.putArray("metricsSpec");
        for (AggregatorFactory factory : schema.getAggs()) {
            ObjectNode metric = metrics.addObject();
            for (Map.Entry<String, JsonNode> field : mapper.<ObjectNode>valueToTree(factory).properties()) {
                if (!field.getValue().isNull()) {
                    metric.set(field.getKey(), field.getValue());
                }
            }
        }
        root.putObject("granularitySpec")
                .put("segmentGranularity", "day")
                .put("queryGranularity", "none")
                .put("rollup", schema.isWithRollup());
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
