package dev.tributary.worker.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.time.Interval;
import dev.tributary.worker.metadata.DataSegment;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data of the announcement nodes reads back as what was written, in Druid's segment shape. */
class AnnouncementJsonTest {

    @Test
    void shouldReadBackTheWholeSegment() throws IOException {
        DataSegment segment = new DataSegment("wiki", Interval.parse("2024-01-01T00:00:00Z/2024-01-02T00:00:00Z"),
                "v1", Map.of("type", "s3", "uri", "s3://bucket/wiki/0"), List.of("page", "user"),
                List.of("count", "added"), 3, 4096);

        assertThat(AnnouncementJson.readSegment(AnnouncementJson.write(segment))).isEqualTo(segment);
    }

    @Test
    void shouldReadBackASegmentWithoutDimensionsOrMetrics() throws IOException {
        DataSegment segment = new DataSegment("wiki", Interval.parse("2024-01-01T00:00:00Z/2024-01-01T01:00:00Z"),
                "v1", Map.of(), List.of(), List.of(), 0, 0);

        assertThat(AnnouncementJson.readSegment(AnnouncementJson.write(segment))).isEqualTo(segment);
    }

    @Test
    void shouldReadADruidSegmentWithFieldsTributaryDoesNotHold() throws IOException {
        String druid = "{\"dataSource\":\"wiki\",\"interval\":\"2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z\","
                + "\"version\":\"v1\",\"loadSpec\":{\"type\":\"local\",\"path\":\"/x/index.zip\"},"
                + "\"dimensions\":\"page\",\"metrics\":\"count\",\"shardSpec\":{\"type\":\"numbered\","
                + "\"partitionNum\":1,\"partitions\":0},\"lastCompactionState\":null,\"binaryVersion\":9,"
                + "\"size\":10,\"identifier\":\"wiki_2024-01-01T00:00:00.000Z_2024-01-02T00:00:00.000Z_v1_1\"}";

        DataSegment read = AnnouncementJson.readSegment(druid.getBytes(UTF_8));

        assertThat(read.id()).isEqualTo("wiki_2024-01-01T00:00:00.000Z_2024-01-02T00:00:00.000Z_v1_1");
        assertThat(read.dimensions()).containsExactly("page");
        assertThat(read.metrics()).containsExactly("count");
    }

    @Test
    void shouldWriteTheServerAsHostPortAndRole() throws IOException {
        ServerInfo server = new ServerInfo("rt1.example.com", 8084, ServerInfo.REALTIME);

        byte[] json = AnnouncementJson.write(server);

        assertThat(new String(json, UTF_8))
                .isEqualTo("{\"host\":\"rt1.example.com\",\"port\":8084,\"role\":\"realtime\"}");
        assertThat(AnnouncementJson.readServer(json)).isEqualTo(server);
    }
}
