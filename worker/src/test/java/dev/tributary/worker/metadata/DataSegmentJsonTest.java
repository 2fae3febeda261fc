package dev.tributary.worker.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.Json;
import dev.tributary.core.time.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A segment's JSON is Druid's DataSegment JSON, field for field, and reads back as the same segment. */
class DataSegmentJsonTest {
    private static final ObjectMapper JSON = Json.mapper();

    private static final DataSegment SEGMENT = new DataSegment("wikipedia",
            Interval.parse("2013-08-31T00:00:00.000Z/2013-08-31T01:00:00.000Z"), "2013-08-31T00:00:00.000Z",
            Map.of("type", "local", "path", "/var/druid/segments/wikipedia/3/index.zip"),
            List.of("page", "language"), List.of("count", "added"), 3, 4711);

    @Test
    void shouldWriteDruidsFieldNamesInDruidsOrder() throws Exception {
        JsonNode json = JSON.readTree(JSON.writeValueAsString(SEGMENT));

        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("dataSource", "interval", "version", "loadSpec", "dimensions", "metrics",
                "shardSpec", "binaryVersion", "size", "identifier");
        assertThat(json.get("dataSource").asText()).isEqualTo("wikipedia");
        assertThat(json.get("interval").asText()).isEqualTo("2013-08-31T00:00:00.000Z/2013-08-31T01:00:00.000Z");
        assertThat(json.get("version").asText()).isEqualTo("2013-08-31T00:00:00.000Z");
        assertThat(json.get("loadSpec")).isEqualTo(JSON.readTree(
                "{\"type\":\"local\",\"path\":\"/var/druid/segments/wikipedia/3/index.zip\"}"));
        assertThat(json.get("dimensions").asText()).isEqualTo("page,language");
        assertThat(json.get("metrics").asText()).isEqualTo("count,added");
        assertThat(json.get("shardSpec")).isEqualTo(JSON.readTree(
                "{\"type\":\"numbered\",\"partitionNum\":3,\"partitions\":0}"));
        assertThat(json.get("binaryVersion").isInt()).isTrue();
        assertThat(json.get("binaryVersion").asInt()).isEqualTo(9);
        assertThat(json.get("size").isIntegralNumber()).isTrue();
        assertThat(json.get("size").asLong()).isEqualTo(4711);
        assertThat(json.get("identifier").asText()).isEqualTo(
                "wikipedia_2013-08-31T00:00:00.000Z_2013-08-31T01:00:00.000Z_2013-08-31T00:00:00.000Z_3");
    }

    @Test
    void shouldReadItsOwnJsonBackAsAnEqualSegment() throws Exception {
        DataSegment read = JSON.readValue(JSON.writeValueAsString(SEGMENT), DataSegment.class);

        assertThat(read).isEqualTo(SEGMENT);
        assertThat(read.id()).isEqualTo(SEGMENT.id());
    }

    @Test
    void shouldReadASegmentDruidWrote() throws Exception {
        String druid = "{\"dataSource\":\"wikipedia\",\"interval\":\"2013-08-31T00:00:00.000Z/2013-09-01T00:00:00.000Z\","
                + "\"version\":\"v1\",\"loadSpec\":{\"type\":\"s3_zip\",\"bucket\":\"b\",\"key\":\"k/index.zip\"},"
                + "\"dimensions\":\"\",\"metrics\":\"count\","
                + "\"shardSpec\":{\"type\":\"numbered\",\"partitionNum\":0,\"partitions\":0},"
                + "\"binaryVersion\":9,\"size\":10,\"identifier\":\"wikipedia_2013-08-31T00:00:00.000Z_"
                + "2013-09-01T00:00:00.000Z_v1\"}";

        DataSegment read = JSON.readValue(druid, DataSegment.class);

        assertThat(read).isEqualTo(new DataSegment("wikipedia",
                Interval.parse("2013-08-31T00:00:00.000Z/2013-09-01T00:00:00.000Z"), "v1",
                Map.of("type", "s3_zip", "bucket", "b", "key", "k/index.zip"), List.of(), List.of("count"), 0, 10));
        // Partition 0 has no suffix in Druid's id.
        assertThat(read.id()).isEqualTo("wikipedia_2013-08-31T00:00:00.000Z_2013-09-01T00:00:00.000Z_v1");
    }

    @Test
    void shouldWriteARealtimeSinkWithAnEmptyLoadSpecAndNoColumns() throws Exception {
        DataSegment sink = new DataSegment("wikipedia", Interval.parse("2013-08-31/2013-09-01"), "v1", null, null,
                null, 0, 0);

        String json = JSON.writeValueAsString(sink);

        assertThat(JSON.readTree(json).get("loadSpec").isEmpty()).isTrue();
        assertThat(JSON.readTree(json).get("dimensions").asText()).isEmpty();
        assertThat(JSON.readValue(json, DataSegment.class)).isEqualTo(sink);
    }
}
