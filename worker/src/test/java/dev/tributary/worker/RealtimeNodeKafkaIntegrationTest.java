package dev.tributary.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.core.time.DateTimes;
import dev.tributary.testing.KafkaBrokerExtension;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.metadata.MetadataStoreConfig;
import dev.tributary.worker.server.RealtimeServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: events into a real Kafka broker, answers out of POST /druid/v2, with the realtime
 * plumber persisting when an index is full (every 50 rows where a test asks) and committing offsets
 * after each persist, to the offset ledger of an embedded metadata store, then to Kafka.
 */
class RealtimeNodeKafkaIntegrationTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final long BASE = DateTimes.parseIso("2026-01-15T10:00:00Z");
    private static final String TOTALS = """
            {"queryType": "timeseries", "dataSource": "edits", "intervals": ["2026-01-15/2026-01-16"],
             "granularity": "all", "aggregations": [
               {"type": "longSum", "name": "events", "fieldName": "count"},
               {"type": "count", "name": "rows"},
               {"type": "longSum", "name": "added", "fieldName": "added"},
               {"type": "longSum", "name": "deleted", "fieldName": "deleted"},
               {"type": "doubleSum", "name": "delta", "fieldName": "delta"}]}
            """;

    @TempDir
    static Path persistDirectory;

    private static String spec(String topic, int maxRowsInMemory) {
        return """
                {"dataSchema": {
                   "dataSource": "edits",
                   "timestampSpec": {"column": "ts", "format": "iso"},
                   "dimensionsSpec": {"dimensions": ["channel", "user"]},
                   "metricsSpec": [
                     {"type": "count", "name": "count"},
                     {"type": "longSum", "name": "added", "fieldName": "added"},
                     {"type": "longSum", "name": "deleted", "fieldName": "deleted"},
                     {"type": "doubleSum", "name": "delta", "fieldName": "delta"}],
                   "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "minute"}},
                 "ioConfig": {"type": "realtime", "firehose": {"type": "kafka", "topic": "%s",
                   "consumerProps": {"bootstrap.servers": "%s", "group.id": "%s"}}},
                 "tuningConfig": {"type": "realtime", "rejectionPolicy": {"type": "none"}, "maxRowsInMemory": %d, "maxEventBytes": 4096,
                                  "basePersistDirectory": "%s"}}
                """.formatted(topic, KAFKA.bootstrapServers(), topic + "-group", maxRowsInMemory, persistDirectory.resolve(topic));
    }

    /** A node that persists only at a clean stop. */
    private static RealtimeServer startNode(String topic) {
        return startNode(topic, 100_000);
    }

    /** A node whose offsets live in the offset ledger of an embedded metadata store under the test's directory. */
    private static RealtimeServer startNode(String topic, int maxRowsInMemory) {
        Properties metadata = new Properties();
        metadata.setProperty("tributary.metadata.storage.embedded.directory", persistDirectory.resolve("metadata").toString());
        return RealtimeServer.start(NodeConfig.defaults().withPort(0), MetadataStoreConfig.from(metadata),
                SpecReader.read(spec(topic, maxRowsInMemory)));
    }

    private static void produce(String topic, List<byte[]> events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<byte[], byte[]>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] event : events) {
                producer.send(new ProducerRecord<>(topic, event));
            }
        }
    }

    private static byte[] edit(int i) {
        String json = "{\"ts\": \"%s\", \"channel\": \"c%d\", \"user\": \"u%d\", \"added\": %d, \"deleted\": %d, \"delta\": %s}"
                .formatted(DateTimes.print(BASE + (i % 120) * 1000L + i % 1000), i % 7, i % 13, i, i % 5, i * 0.5);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldAnswerExactCountsAndSumsForEveryProducedEvent() {
        String topic = KAFKA.createTopic("edits", 3);
        int n = 3000;
        List<byte[]> events = new java.util.ArrayList<>();
        long added = 0;
        long deleted = 0;
        double delta = 0;
        Set<String> rollupKeys = new HashSet<>();
        for (int i = 0; i < n; i++) {
            events.add(edit(i));
            added += i;
            deleted += i % 5;
            delta += i * 0.5;
            rollupKeys.add(((i % 120) / 60) + "/" + (i % 7) + "/" + (i % 13));
        }
        try (RealtimeServer node = startNode(topic)) {
            produce(topic, events);
            NodeClient client = new NodeClient(node.port());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(client.query(TOTALS).body().path(0).path("result").path("events").asLong()).isEqualTo(n));

            NodeClient.Response response = client.query(TOTALS);
            assertThat(response.status()).isEqualTo(200);
            JsonNode row = response.body().get(0);
            assertThat(response.body()).hasSize(1);
            assertThat(row.get("timestamp").asText()).isEqualTo("2026-01-15T10:00:00.000Z");
            JsonNode result = row.get("result");
            assertThat(result.get("events").isIntegralNumber()).isTrue();
            assertThat(result.get("events").asLong()).isEqualTo(n);
            assertThat(result.get("rows").asLong()).isEqualTo(rollupKeys.size());
            assertThat(result.get("added").asLong()).isEqualTo(added);
            assertThat(result.get("deleted").asLong()).isEqualTo(deleted);
            assertThat(result.get("delta").isDouble()).isTrue();
            assertThat(result.get("delta").asDouble()).isEqualTo(delta);

            JsonNode status = client.get("/status/ingestion").body();
            assertThat(status.get("processed").asLong()).isEqualTo(n);
            assertThat(status.get("unparseable").asLong()).isZero();
            assertThat(status.get("consumed").asLong()).isEqualTo(n);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode partitions = client.get("/status/ingestion").body().get("partitions");
                long positions = 0;
                for (int p = 0; p < 3; p++) {
                    JsonNode partition = partitions.get(topic + "-" + p);
                    assertThat(partition.get("lag").asLong()).as("lag of partition %d", p).isZero();
                    positions += partition.get("position").asLong();
                }
                assertThat(positions).as("positions of the 3 partitions").isEqualTo(n);
            });
        }
    }

    @Test
    void shouldCountEveryEventExactlyOnceAcrossARestart() {
        String topic = KAFKA.createTopic("restart", 3);
        List<byte[]> first = new java.util.ArrayList<>();
        List<byte[]> second = new java.util.ArrayList<>();
        long added = 0;
        for (int i = 0; i < 5000; i++) {
            (i < 3000 ? first : second).add(edit(i));
            added += i;
        }
        try (RealtimeServer node = startNode(topic, 50)) {
            produce(topic, first);
            NodeClient client = new NodeClient(node.port());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(client.query(TOTALS).body().path(0).path("result").path("events").asLong()).isEqualTo(3000));
        }
        // stopped cleanly: everything persisted, its offsets committed; the next run reads on from there
        produce(topic, second);
        try (RealtimeServer node = startNode(topic, 50)) {
            NodeClient client = new NodeClient(node.port());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(node.node().metrics().consumed()).isEqualTo(2000));
            JsonNode result = client.query(TOTALS).body().get(0).get("result");
            assertThat(result.get("events").asLong()).as("restored from disk plus read after the restart").isEqualTo(5000);
            assertThat(result.get("added").asLong()).isEqualTo(added);
            assertThat(client.get("/status/ingestion").body().path("persist").path("commits").asLong()).isPositive();
        }
    }

    @Test
    void shouldAccountForEveryProducedEventWhenAFifthAreBad() {
        String topic = KAFKA.createTopic("dirty", 3);
        java.util.SplittableRandom random = new java.util.SplittableRandom(20);
        List<byte[]> events = new java.util.ArrayList<>();
        long goodAdded = 0;
        int good = 0;
        byte[][] bad = {bytes("{not json"), new byte[0], bytes("[{\"ts\": \"2026-01-15T10:00:00Z\"}]"), bytes("null"),
            bytes("{\"channel\": \"no timestamp\", \"added\": 1}"), bytes("{\"ts\": \"not a time\", \"added\": 1}"),
            bytes("{\"ts\": null, \"added\": 1}"), oversized(), bytes("\"just a string\""), bytes("{\"ts\": \"2026-01-15T10:00:00Z\"} trailing")};
        for (int i = 0; i < 2000; i++) {
            if (random.nextInt(5) == 0) {
                events.add(bad[random.nextInt(bad.length)]);
            } else {
                events.add(edit(i));
                goodAdded += i;
                good++;
            }
        }
        try (RealtimeServer node = startNode(topic, 100)) {
            produce(topic, events);
            NodeClient client = new NodeClient(node.port());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(node.node().metrics().consumed()).isEqualTo(events.size()));
            JsonNode status = client.get("/status/ingestion").body();
            assertThat(status.get("state").asText()).isEqualTo("RUNNING");
            assertThat(status.get("processed").asLong() + status.get("unparseable").asLong() + status.get("thrownAway").asLong())
                    .as("processed + unparseable + thrownAway").isEqualTo(events.size());
            assertThat(status.get("processed").asLong()).isEqualTo(good);
            JsonNode result = client.query(TOTALS).body().get(0).get("result");
            assertThat(result.get("events").asLong()).isEqualTo(good);
            assertThat(result.get("added").asLong()).isEqualTo(goodAdded);
        }
    }

    @Test
    void shouldAnswerPerMinuteBucketsInTimeOrder() {
        String topic = KAFKA.createTopic("minutes", 2);
        int n = 240;
        List<byte[]> events = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(edit(i));
        }
        try (RealtimeServer node = startNode(topic)) {
            produce(topic, events);
            NodeClient client = new NodeClient(node.port());
            String perMinute = TOTALS.replace("\"granularity\": \"all\"", "\"granularity\": \"minute\"");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(node.node().metrics().processed()).isEqualTo(n));
            JsonNode body = client.query(perMinute).body();
            assertThat(body).hasSize(2);
            assertThat(body.get(0).get("timestamp").asText()).isEqualTo("2026-01-15T10:00:00.000Z");
            assertThat(body.get(1).get("timestamp").asText()).isEqualTo("2026-01-15T10:01:00.000Z");
            assertThat(body.get(0).get("result").get("events").asLong()).isEqualTo(120);
            assertThat(body.get(1).get("result").get("events").asLong()).isEqualTo(120);
        }
    }

    @Test
    void shouldCountBadEventsAsUnparseableAndKeepIngesting() {
        String topic = KAFKA.createTopic("bad", 1);
        List<byte[]> events = List.of(edit(1), bytes("this is not json"), edit(2), bytes("{\"channel\": \"no time\"}"),
                bytes("{\"ts\": \"yesterday-ish\", \"added\": 5}"), bytes("[1, 2, 3]"), new byte[0], bytes("null"),
                bytes("{\"ts\": \"2026-01-15T10:00:00Z\""), edit(3), oversized());
        try (RealtimeServer node = startNode(topic)) {
            produce(topic, events);
            NodeClient client = new NodeClient(node.port());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(node.node().metrics().consumed()).isEqualTo(events.size()));
            JsonNode status = client.get("/status/ingestion").body();
            assertThat(status.get("processed").asLong()).isEqualTo(3);
            assertThat(status.get("unparseable").asLong()).isEqualTo(8);
            assertThat(status.get("thrownAway").asLong()).isZero();
            assertThat(status.get("state").asText()).isEqualTo("RUNNING");
            assertThat(status.get("recentUnparseable")).hasSize(8);
            assertThat(status.get("recentUnparseable").get(7).get("reason").asText()).contains("larger than maxEventBytes");
            assertThat(status.get("recentUnparseable").get(0).get("partition").asText()).isEqualTo(topic + "-0");
            assertThat(status.get("recentUnparseable").get(0).get("offset").asLong()).isEqualTo(1);
            JsonNode result = client.query(TOTALS).body().get(0).get("result");
            assertThat(result.get("events").asLong()).isEqualTo(3);
            assertThat(result.get("added").asLong()).isEqualTo(1 + 2 + 3);
        }
    }

    /** A valid event, padded past the spec's maxEventBytes (4096). */
    private static byte[] oversized() {
        String event = new String(edit(4), StandardCharsets.UTF_8);
        return (event.substring(0, event.length() - 1) + ", \"pad\": \"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
