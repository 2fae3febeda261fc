package dev.tributary.worker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.core.time.DateTimes;
import dev.tributary.testing.KafkaBrokerExtension;
import dev.tributary.worker.NodeClient;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.server.RealtimeServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} on a realtime node reading a real Kafka broker: after a known mix of events
 * (good, unparseable, filtered out) over two partitions, the Prometheus counters equal what was produced
 * and what {@code /status/ingestion} says, the query timer counts each query by type and outcome, and
 * the whole scrape is Prometheus text.
 */
class MetricsEndpointIntegrationTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final long BASE = DateTimes.parseIso("2026-01-15T10:00:00Z");
    private static final int GOOD = 50;
    private static final int UNPARSEABLE = 6;
    private static final int FILTERED = 4;
    private static final int EVENTS = GOOD + UNPARSEABLE + FILTERED;
    private static final String DATA_SOURCE = "metered";
    private static final String TOTALS = """
            {"queryType": "timeseries", "dataSource": "metered", "intervals": ["2026-01-15/2026-01-16"],
             "granularity": "all", "aggregations": [{"type": "longSum", "name": "events", "fieldName": "count"}]}
            """;

    @TempDir
    static Path persistDirectory;

    private static RealtimeServer node;
    private static NodeClient client;

    @BeforeAll
    static void ingestAKnownMixOfEvents() {
        String topic = KAFKA.createTopic("metrics", 2);
        String spec = """
                {"dataSchema": {"dataSource": "metered", "timestampSpec": {"column": "ts", "format": "millis"},
                   "dimensionsSpec": {"dimensions": ["channel", "user"]},
                   "metricsSpec": [{"type": "count", "name": "count"}],
                   "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "none"},
                   "transformSpec": {"filter": {"type": "not", "field": {"type": "selector", "dimension": "channel", "value": "spam"}}}},
                 "ioConfig": {"firehose": {"type": "kafka", "topic": "%s",
                   "consumerProps": {"bootstrap.servers": "%s", "group.id": "%s", "sasl.jaas.config": "hunter2-secret"}}},
                 "tuningConfig": {"type": "realtime", "rejectionPolicy": {"type": "none"}, "maxRowsInMemory": 20,
                                  "basePersistDirectory": "%s"}}
                """.formatted(topic, KAFKA.bootstrapServers(), topic + "-group", persistDirectory);
        node = RealtimeServer.start(NodeConfig.defaults().withPort(0), SpecReader.read(spec));
        client = new NodeClient(node.port());
        produce(topic);
        // Every event handled, no lag, and the persists the full indexes asked for written and committed.
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode status = client.get("/status/ingestion").body();
            return status.get("consumed").asLong() == EVENTS && status.get("partitions").size() == 2
                    && sum(status.get("partitions"), "lag") == 0 && status.get("pendingPersists").asInt() == 0
                    && status.get("persist").get("commits").asLong() == status.get("persist").get("persists").asLong();
        });
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    /** GOOD events with distinct users (one row each), UNPARSEABLE that are not JSON, FILTERED in channel spam. */
    private static void produce(String topic) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<byte[], byte[]>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < EVENTS; i++) {
                String event;
                if (i < GOOD) {
                    event = "{\"ts\": " + (BASE + i * 1000L) + ", \"channel\": \"c\", \"user\": \"u" + i + "\"}";
                } else if (i < GOOD + UNPARSEABLE) {
                    event = "not json " + i;
                } else {
                    event = "{\"ts\": " + (BASE + i * 1000L) + ", \"channel\": \"spam\", \"user\": \"u" + i + "\"}";
                }
                producer.send(new ProducerRecord<>(topic, Integer.toString(i).getBytes(StandardCharsets.UTF_8),
                        event.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    private static long sum(JsonNode partitions, String field) {
        long sum = 0;
        for (JsonNode partition : partitions) {
            sum += partition.get(field).asLong();
        }
        return sum;
    }

    @Test
    void shouldCountEveryEventProducedInTheIngestionCounters() {
        PrometheusScrape scrape = PrometheusScrape.of(node.port());
        String[] ds = {"dataSource", DATA_SOURCE};
        assertThat(scrape.value("tributary_ingestion_events_consumed_total", ds)).isEqualTo(EVENTS);
        assertThat(scrape.value("tributary_ingestion_events_processed_total", ds)).isEqualTo(GOOD);
        assertThat(scrape.value("tributary_ingestion_events_unparseable_total", ds)).isEqualTo(UNPARSEABLE);
        assertThat(scrape.value("tributary_ingestion_events_thrown_away_total", ds)).isEqualTo(FILTERED);
        assertThat(scrape.value("tributary_ingestion_rewinds_total", ds)).isZero();
        assertThat(scrape.value("tributary_ingestion_running", ds)).isEqualTo(1);
        assertThat(scrape.value("tributary_ingestion_partitions", ds)).isEqualTo(2);
        // Offsets start at 0, so the positions of the two partitions add up to the events produced.
        var positions = scrape.find("tributary_ingestion_partition_position", ds);
        assertThat(positions).hasSize(2);
        assertThat(positions.stream().mapToDouble(PrometheusScrape.Sample::value).sum()).isEqualTo(EVENTS);
        assertThat(positions.stream().map(s -> s.labels().get("partition")))
                .allMatch(partition -> partition.matches("metrics-.*-[01]"));
        assertThat(scrape.find("tributary_ingestion_partition_lag", ds)).hasSize(2).allMatch(s -> s.value() == 0);
    }

    @Test
    void shouldAgreeWithTheIngestionStatusOnMemoryPersistsAndCommits() {
        PrometheusScrape scrape = PrometheusScrape.of(node.port());
        JsonNode status = client.get("/status/ingestion").body();
        JsonNode persist = status.get("persist");
        String[] ds = {"dataSource", DATA_SOURCE};
        // Each good event is a row of its own: persisted, or still in memory.
        assertThat(scrape.value("tributary_persist_rows_total", ds) + scrape.value("tributary_ingestion_rows_in_memory", ds))
                .isEqualTo(GOOD);
        assertThat(scrape.value("tributary_persist_seconds_count", ds)).isEqualTo(persist.get("persists").asLong())
                .isGreaterThanOrEqualTo(2); // maxRowsInMemory 20 and 50 rows
        assertThat(scrape.value("tributary_persist_seconds_sum", ds))
                .isCloseTo(persist.get("persistMillis").asLong() / 1000.0, within(1e-9));
        assertThat(scrape.value("tributary_commits_total", ds)).isEqualTo(persist.get("commits").asLong());
        assertThat(scrape.value("tributary_persist_failed_total", ds)).isZero();
        assertThat(scrape.value("tributary_commits_fenced_total", ds)).isZero();
        assertThat(scrape.value("tributary_persist_pending", ds)).isZero();
        assertThat(scrape.value("tributary_ingestion_rows_in_memory", ds)).isEqualTo(status.get("rowsInMemory").asLong());
        assertThat(scrape.value("tributary_ingestion_rows_in_memory_bytes", ds)).isEqualTo(status.get("bytesInMemory").asLong());
        assertThat(scrape.value("tributary_ingestion_sinks", ds)).isEqualTo(1);
        assertThat(scrape.value("tributary_ingestion_hydrants", ds)).isEqualTo(status.get("hydrants").asLong());
        assertThat(scrape.value("tributary_handoff_pending", ds)).isZero();
        assertThat(scrape.value("tributary_handoff_started_total", ds)).isZero();
    }

    @Test
    void shouldTimeEveryQueryByTypeAndOutcome() {
        String[] ok = {"queryType", "timeseries", "outcome", "ok", "subquery", "false"};
        String[] refused = {"queryType", "invalid", "outcome", "4xx", "subquery", "false"};
        PrometheusScrape before = PrometheusScrape.of(node.port());
        double okBefore = before.find("tributary_query_seconds_count", ok).stream().mapToDouble(PrometheusScrape.Sample::value).sum();
        double refusedBefore = before.find("tributary_query_seconds_count", refused).stream()
                .mapToDouble(PrometheusScrape.Sample::value).sum();

        for (int i = 0; i < 2; i++) {
            NodeClient.Response answer = client.query(TOTALS);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get(0).get("result").get("events").asLong()).isEqualTo(GOOD);
        }
        assertThat(client.query("{\"queryType\": \"sideways\"}").status()).isEqualTo(400);

        PrometheusScrape after = PrometheusScrape.of(node.port());
        assertThat(after.value("tributary_query_seconds_count", ok)).isEqualTo(okBefore + 2);
        assertThat(after.value("tributary_query_seconds_sum", ok)).isPositive();
        assertThat(after.value("tributary_query_seconds_count", refused)).isEqualTo(refusedBefore + 1);
        assertThat(after.value("tributary_query_cancelled_total")).isZero();
        assertThat(after.value("tributary_query_timeouts_total")).isZero();
    }

    @Test
    void shouldWriteOnlyPrometheusTextWithoutSecrets() {
        PrometheusScrape scrape = PrometheusScrape.of(node.port()); // checks every line
        assertThat(scrape.text()).doesNotContain("hunter2");
        assertThat(scrape.find("jvm_memory_used_bytes")).isNotEmpty();
        assertThat(scrape.find("tributary_ingestion_events_consumed_total")).allMatch(s -> s.labels().containsKey("dataSource"));
    }

    @Test
    void shouldShowPendingPersistsAndTheRestOfTheIngestionStatus() {
        JsonNode status = client.get("/status/ingestion").body();
        assertThat(status.get("pendingPersists").isIntegralNumber()).isTrue();
        assertThat(status.get("pendingPersists").asInt()).isZero();
        for (String field : new String[] {"partitions", "rowsInMemory", "sinks", "pendingHandoffs", "lastError"}) {
            assertThat(status.has(field)).as(field).isTrue();
        }
        assertThat(status.get("partitions").size()).isEqualTo(2);
        status.get("partitions").forEach(partition -> {
            assertThat(partition.get("position").isIntegralNumber()).isTrue();
            assertThat(partition.get("lag").asLong()).isZero();
        });
    }
}
