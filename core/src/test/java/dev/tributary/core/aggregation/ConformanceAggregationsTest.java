package dev.tributary.core.aggregation;

import static dev.tributary.core.aggregation.Aggregations.finalized;
import static dev.tributary.core.aggregation.Aggregations.intermediate;
import static dev.tributary.core.aggregation.Aggregations.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.tributary.core.Json;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.input.JsonInputRowParser;
import dev.tributary.core.query.filter.DimFilter;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.core.time.Interval;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Druid's own integration-test expectations for these aggregators (../shared/conformance/tiny-wiki):
 * the sketch, stringFirst/Last and numeric first/last queries, run aggregator by aggregator over the
 * live index of the test's dataSchema and compared as JSON, number types included.
 */
class ConformanceAggregationsTest {
    private static Path tinyWiki() {
        String configured = System.getProperty("tributary.conformance.dir");
        return (configured == null ? Path.of("../../shared/conformance") : Path.of(configured)).resolve("tiny-wiki");
    }

    private static String read(String file) throws Exception {
        Path path = tinyWiki().resolve(file);
        assumeTrue(Files.exists(path), "conformance vectors not found at " + path.toAbsolutePath());
        return Files.readString(path).replace("%%DATASOURCE%%", "wiki").replace("%%SEGMENT_AVAIL_TIMEOUT_MILLIS%%", "0");
    }

    /** The task's dataSchema, fed the three data files' events (some files hold two objects on a line). */
    private static IncrementalIndex ingest(String taskFile) throws Exception {
        JsonNode dataSchema = Json.mapper().readTree(read(taskFile)).path("spec").path("dataSchema");
        DataSchema schema = SpecReader.read(dataSchema.toString(), DataSchema.class);
        IncrementalIndex index = new IncrementalIndex(schema);
        JsonInputRowParser parser = new JsonInputRowParser(schema);
        for (int i = 1; i <= 3; i++) {
            try (MappingIterator<JsonNode> events = Json.mapper().readerFor(JsonNode.class)
                    .readValues(read("wikipedia_index_data" + i + ".json"))) {
                while (events.hasNext()) {
                    index.add(parser.parse(events.next().toString().getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        return index;
    }

    /** Checks every aggregation of the query against the expected (single) result row. */
    private static void assertQuery(IncrementalIndex index, JsonNode test) throws Exception {
        JsonNode query = test.path("query");
        Interval interval = Interval.parse(query.path("intervals").get(0).asText());
        DimFilter filter = query.path("filter").isObject() ? Json.mapper().treeToValue(query.path("filter"), DimFilter.class) : null;
        JsonNode expected = test.path("expectedResults").get(0);
        JsonNode values = expected.has("result") ? expected.path("result") : expected.path("event");
        int checked = 0;
        for (JsonNode aggregation : query.path("aggregations")) {
            AggregatorFactory aggregator = Json.mapper().treeToValue(aggregation, AggregatorFactory.class);
            Object value = finalized(aggregator, intermediate(aggregator, index, filter, interval));
            assertThat(json(value)).as(test.path("description").asText() + ": " + aggregator.name())
                    .isEqualTo(values.path(aggregator.name()).toString());
            checked++;
        }
        assertThat(checked).isPositive();
    }

    private static JsonNode test(String queriesFile, String description) throws Exception {
        for (Iterator<JsonNode> tests = Json.mapper().readTree(read(queriesFile)).elements(); tests.hasNext();) {
            JsonNode test = tests.next();
            if (test.path("description").asText().equals(description)) {
                return test;
            }
        }
        throw new AssertionError("no test '" + description + "' in " + queriesFile);
    }

    @Test
    void shouldMatchDruidOnHllThetaAndQuantilesSketches() throws Exception {
        IncrementalIndex index = ingest("wikipedia_index_task.json");

        assertQuery(index, test("wikipedia_index_queries.json", "timeseries, datasketch aggs, all"));
    }

    @Test
    void shouldMatchDruidOnStringFirstAndStringLast() throws Exception {
        IncrementalIndex index = ingest("wikipedia_index_task.json");

        assertQuery(index, test("wikipedia_index_queries.json", "timeseries, stringFirst/stringLast aggs, all"));
    }

    @Test
    void shouldMatchDruidOnRolledUpFirstAndLastOfEveryType() throws Exception {
        IncrementalIndex index = ingest("wikipedia_merge_index_task.json");

        assertQuery(index, test("wikipedia_merge_index_queries.json", "groupby, stringFirst/stringLast rollup aggs, all"));
    }

    @Test
    void shouldFinalizeTheSketchesToDruidsNumberTypes() throws Exception {
        IncrementalIndex index = ingest("wikipedia_index_task.json");
        Map<String, Object> results = new java.util.LinkedHashMap<>();
        for (JsonNode aggregation : test("wikipedia_index_queries.json", "timeseries, datasketch aggs, all").path("query").path("aggregations")) {
            AggregatorFactory aggregator = Json.mapper().treeToValue(aggregation, AggregatorFactory.class);
            results.put(aggregator.name(), finalized(aggregator, intermediate(aggregator, index, null,
                    Interval.parse("2013-08-31T00:00/2013-09-01T00:00"))));
        }

        assertThat(results).containsExactly(Map.entry("approxCountHLL", 5L), Map.entry("approxCountTheta", 5.0),
                Map.entry("quantilesSketch", 5L));
    }
}
