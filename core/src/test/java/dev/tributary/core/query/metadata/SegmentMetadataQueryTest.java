package dev.tributary.core.query.metadata;

import static dev.tributary.core.testing.WikiData.PIECE_1;
import static dev.tributary.core.testing.WikiData.bothPieces;
import static dev.tributary.core.testing.WikiData.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.core.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SegmentMetadata queries over the {@link dev.tributary.core.testing.WikiData} pieces, sent as JSON text. */
class SegmentMetadataQueryTest {

    private static String column(String type, boolean multi, boolean nulls, long size, Integer cardinality, String min, String max) {
        return "{\"typeSignature\":\"" + type + "\",\"type\":\"" + type + "\",\"hasMultipleValues\":" + multi
                + ",\"hasNulls\":" + nulls + ",\"size\":" + size + ",\"cardinality\":" + cardinality
                + ",\"minValue\":" + (min == null ? null : "\"" + min + "\"")
                + ",\"maxValue\":" + (max == null ? null : "\"" + max + "\"") + ",\"errorMessage\":null}";
    }

    @Test
    void shouldDescribeEveryColumnOfAPieceWithTheDefaultAnalyses() {
        assertThat(run(List.of(PIECE_1), "{\"queryType\": \"segmentMetadata\", \"dataSource\": \"wiki\"}")).isEqualTo("[{"
                + "\"id\":\"wiki_2013-08-31T01:10:00.000Z_2013-08-31T04:30:00.001Z_live\","
                + "\"intervals\":[\"2013-08-31T01:10:00.000Z/2013-08-31T04:30:00.001Z\"],"
                + "\"columns\":{"
                + "\"__time\":" + column("LONG", false, false, 0, null, null, null) + ","
                + "\"added\":" + column("LONG", false, false, 0, null, null, null) + ","
                + "\"count\":" + column("LONG", false, false, 0, null, null, null) + ","
                + "\"delta\":" + column("DOUBLE", false, false, 0, null, null, null) + ","
                + "\"language\":" + column("STRING", false, false, 0, 3, "de", "fr") + ","
                + "\"page\":" + column("STRING", false, true, 0, 4, "a", "c") + ","
                + "\"tags\":" + column("STRING", true, true, 0, 3, "t1", "t2") + ","
                + "\"year\":" + column("LONG", false, true, 0, null, null, null)
                + "},\"size\":0,\"numRows\":4,\"aggregators\":null,\"timestampSpec\":null,\"queryGranularity\":null,\"rollup\":null}]");
    }

    @Test
    void shouldComputeTheAnalysesAskedForOverTheColumnsToInclude() throws Exception {
        String query = """
                {"queryType": "segmentMetadata", "dataSource": "wiki", "toInclude": {"type": "list", "columns": ["page", "count"]},
                 "analysisTypes": ["size", "aggregators", "queryGranularity", "rollup"]}""";

        JsonNode result = Json.mapper().readTree(run(List.of(PIECE_1), query)).get(0);

        assertThat(result.get("intervals").isNull()).isTrue();
        assertThat(result.get("columns").toString()).isEqualTo("{"
                + "\"count\":" + column("LONG", false, false, 32, null, null, null) + ","
                + "\"page\":" + column("STRING", false, true, 3, null, null, null) + "}");
        assertThat(result.get("size").asLong()).isEqualTo(35);
        assertThat(result.get("queryGranularity")).isEqualTo(Json.mapper().readTree("{\"type\":\"none\"}"));
        assertThat(result.get("rollup").asBoolean()).isTrue();
        JsonNode aggregators = result.get("aggregators");
        assertThat(aggregators.get("count").get("type").asText()).as("a count is re-aggregated by summing").isEqualTo("longSum");
        assertThat(aggregators.get("count").get("fieldName").asText()).isEqualTo("count");
        assertThat(aggregators.get("added").get("type").asText()).isEqualTo("longSum");
        assertThat(aggregators.get("delta").get("type").asText()).isEqualTo("doubleSum");
    }

    @Test
    void shouldAnswerOneResultPerPieceUnlessAskedToMerge() throws Exception {
        JsonNode apart = Json.mapper().readTree(run(bothPieces(), "{\"queryType\": \"segmentMetadata\", \"dataSource\": \"wiki\"}"));
        JsonNode merged = Json.mapper().readTree(run(bothPieces(), """
                {"queryType": "segmentMetadata", "dataSource": "wiki", "merge": true,
                 "analysisTypes": ["cardinality", "interval", "minmax", "rollup"]}""")).get(0);

        assertThat(apart).hasSize(2);
        assertThat(apart.get(1).get("id").asText()).isEqualTo("wiki_2013-08-31T01:15:00.000Z_2013-09-01T00:05:00.001Z_live_1");
        assertThat(apart.get(1).get("numRows").asLong()).isEqualTo(3);
        assertThat(merged.get("id").asText()).isEqualTo("merged");
        assertThat(merged.get("intervals").toString()).isEqualTo("[\"2013-08-31T01:10:00.000Z/2013-09-01T00:05:00.001Z\"]");
        assertThat(merged.get("numRows").asLong()).isEqualTo(7);
        assertThat(merged.get("rollup").asBoolean()).isTrue();
        assertThat(merged.get("columns").get("page").toString()).isEqualTo(column("STRING", false, true, 0, 4, "a", "d"));
        assertThat(merged.get("columns").get("tags").toString()).isEqualTo(column("STRING", true, true, 0, 3, "t1", "t3"));
    }

    @Test
    void shouldLeaveOutPiecesWhoseDataMissesTheIntervals() {
        assertThat(run(bothPieces(), """
                {"queryType": "segmentMetadata", "dataSource": "wiki", "intervals": ["2013-09-01/2013-09-02"],
                 "toInclude": {"type": "none"}, "analysisTypes": []}""")).isEqualTo("[{"
                + "\"id\":\"wiki_2013-08-31T01:15:00.000Z_2013-09-01T00:05:00.001Z_live_1\",\"intervals\":null,\"columns\":{},"
                + "\"size\":0,\"numRows\":3,\"aggregators\":null,\"timestampSpec\":null,\"queryGranularity\":null,\"rollup\":null}]");
    }
}
