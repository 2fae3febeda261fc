package dev.tributary.worker.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.core.time.DateTimes;
import dev.tributary.worker.NodeClient;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.server.RealtimeServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: files in a directory, answers out of POST /druid/v2, with the realtime plumber persisting
 * every 50 rows and committing file positions after each persist; then a restart over more lines and
 * files, counting every line exactly once.
 */
class LocalFirehoseNodeTest {
    private static final long BASE = DateTimes.parseIso("2026-01-15T10:00:00Z");
    private static final String TOTALS = """
            {"queryType": "timeseries", "dataSource": "edits", "intervals": ["2026-01-15/2026-01-16"],
             "granularity": "all", "aggregations": [
               {"type": "longSum", "name": "events", "fieldName": "count"},
               {"type": "longSum", "name": "added", "fieldName": "added"}]}
            """;

    @TempDir
    Path events;
    @TempDir
    Path persist;

    private RealtimeServer startNode() {
        String spec = """
                {"dataSchema": {
                   "dataSource": "edits",
                   "timestampSpec": {"column": "ts", "format": "iso"},
                   "dimensionsSpec": {"dimensions": ["channel", "user"]},
                   "metricsSpec": [
                     {"type": "count", "name": "count"},
                     {"type": "longSum", "name": "added", "fieldName": "added"}],
                   "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "minute"}},
                 "ioConfig": {"type": "realtime", "firehose": {"type": "local", "baseDir": "%s", "filter": "*.json"}},
                 "tuningConfig": {"type": "realtime", "rejectionPolicy": {"type": "none"}, "maxRowsInMemory": 50,
                                  "basePersistDirectory": "%s"}}
                """.formatted(events, persist);
        return RealtimeServer.start(NodeConfig.defaults().withPort(0), SpecReader.read(spec));
    }

    /** Appends edits {@code from} to {@code to} (exclusive), one per line, with a blank line among them. */
    private void append(String file, int from, int to) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append("{\"ts\": \"%s\", \"channel\": \"c%d\", \"user\": \"u%d\", \"added\": %d}\n"
                    .formatted(DateTimes.print(BASE + (i % 120) * 1000L), i % 7, i % 13, i));
            if (i % 100 == 0) {
                text.append('\n');
            }
        }
        Files.writeString(events.resolve(file), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static long sumTo(int n) {
        return (long) n * (n - 1) / 2;
    }

    @Test
    void shouldCountEveryLineExactlyOnceAcrossARestartWithAppendedLinesAndNewFiles() throws IOException {
        append("a.json", 0, 700);
        append("b.json", 700, 1200);
        Files.writeString(events.resolve("ignored.txt"), "{\"ts\": \"2026-01-15T10:00:00Z\", \"added\": 1000000}\n");
        try (RealtimeServer node = startNode()) {
            NodeClient client = new NodeClient(node.port());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(client.query(TOTALS).body().path(0).path("result").path("events").asLong()).isEqualTo(1200));
            JsonNode result = client.query(TOTALS).body().get(0).get("result");
            assertThat(result.get("added").asLong()).isEqualTo(sumTo(1200));
            assertThat(client.get("/status/ingestion").body().path("persist").path("commits").asLong()).isPositive();
        }

        // stopped cleanly: rows persisted, positions committed; the next run reads on from there
        append("b.json", 1200, 1500);
        append("c.json", 1500, 2000);
        try (RealtimeServer node = startNode()) {
            NodeClient client = new NodeClient(node.port());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(node.node().metrics().consumed()).isEqualTo(800));
            JsonNode result = client.query(TOTALS).body().get(0).get("result");
            assertThat(result.get("events").asLong()).as("restored from disk plus read after the restart").isEqualTo(2000);
            assertThat(result.get("added").asLong()).isEqualTo(sumTo(2000));
            JsonNode status = client.get("/status/ingestion").body();
            assertThat(status.get("unparseable").asLong()).isZero();
            assertThat(status.get("processed").asLong()).isEqualTo(800);
        }
    }
}
