package dev.tributary.worker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.core.spec.SpecReader;
import dev.tributary.core.time.DateTimes;
import dev.tributary.testing.KafkaBrokerExtension;
import dev.tributary.testing.ZooKeeperExtension;
import dev.tributary.worker.NodeClient;
import dev.tributary.worker.cluster.ZooKeeperConfig;
import dev.tributary.worker.config.DeepStorageConfig;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.historical.HistoricalConfig;
import dev.tributary.worker.metadata.MetadataStoreConfig;
import dev.tributary.worker.server.HistoricalServer;
import dev.tributary.worker.server.RealtimeServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} in a cluster (real Kafka, ZooKeeper, embedded metadata store, local deep storage):
 * a realtime node hands three MINUTE segments off to a historical, and each node's metrics say so
 * exactly; a query through the historical is counted once there and once, as a subquery, on the
 * realtime node that serves the last minute.
 */
class ClusterMetricsIntegrationTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    @RegisterExtension
    static final ZooKeeperExtension ZOOKEEPER = new ZooKeeperExtension();

    private static final long BASE = DateTimes.parseIso("2026-03-01T10:00:00Z");
    /** One event a second: minutes 0, 1 and 2 end a window (10 s) before the last event; minute 3 stays. */
    private static final int EVENTS = 200;
    private static final String TOTALS = """
            {"queryType": "timeseries", "dataSource": "clicks", "intervals": ["2026-03-01/2026-03-02"],
             "granularity": "all", "aggregations": [{"type": "longSum", "name": "events", "fieldName": "count"}]}
            """;

    @TempDir
    Path dir;

    @Test
    void shouldCountHandoffsOnTheRealtimeNodeAndSegmentsOnTheHistorical() {
        String topic = KAFKA.createTopic("metrics-cluster", 1);
        Properties props = clusterProperties();
        try (HistoricalServer historical = HistoricalServer.start(NodeConfig.defaults().withPort(0), MetadataStoreConfig.from(props),
                ZooKeeperConfig.from(props), DeepStorageConfig.from(props), HistoricalConfig.from(props));
             RealtimeServer realtime = RealtimeServer.startInCluster(NodeConfig.defaults().withPort(0), MetadataStoreConfig.from(props),
                     ZooKeeperConfig.from(props), DeepStorageConfig.from(props), SpecReader.read(spec(topic)))) {
            produce(topic);
            String[] ds = {"dataSource", "clicks"};
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                PrometheusScrape scrape = PrometheusScrape.of(realtime.port());
                return scrape.value("tributary_handoff_segments_handed_off_total", ds) == 3
                        && scrape.value("tributary_handoff_pending", ds) == 0;
            });
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    PrometheusScrape.of(historical.port()).find("tributary_historical_segments", ds).stream()
                            .anyMatch(s -> s.value() == 3));

            PrometheusScrape worker = PrometheusScrape.of(realtime.port());
            assertThat(worker.value("tributary_ingestion_events_processed_total", ds)).isEqualTo(EVENTS);
            assertThat(worker.value("tributary_handoff_started_total", ds)).isEqualTo(3);
            assertThat(worker.value("tributary_handoff_segments_pushed_total", ds)).isEqualTo(3);
            assertThat(worker.value("tributary_handoff_segments_published_total", ds)).isEqualTo(3);
            assertThat(worker.value("tributary_handoff_failures_total", ds)).isZero();
            assertThat(worker.value("tributary_handoff_stuck", ds)).isZero();
            assertThat(worker.value("tributary_ingestion_sinks", ds)).isEqualTo(1);

            PrometheusScrape served = PrometheusScrape.of(historical.port());
            assertThat(served.value("tributary_historical_segments", ds)).isEqualTo(3);
            assertThat(served.value("tributary_historical_segments_failed")).isZero();
            assertThat(served.value("tributary_historical_syncs_total")).isPositive();
            assertThat(served.value("tributary_historical_cache_bytes")).isPositive()
                    .isEqualTo(new NodeClient(historical.port()).get("/status/ingestion").body().get("cacheBytes").asLong());
            assertThat(served.value("tributary_historical_cache_max_bytes")).isGreaterThan(served.value("tributary_historical_cache_bytes"));

            String[] routed = {"queryType", "timeseries", "outcome", "ok", "subquery", "false"};
            String[] asPart = {"queryType", "timeseries", "outcome", "ok", "subquery", "true"};
            double routedBefore = count(served, routed);
            double asPartBefore = count(worker, asPart);
            NodeClient.Response answer = new NodeClient(historical.port()).query(TOTALS);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get(0).get("result").get("events").asLong()).isEqualTo(EVENTS);
            assertThat(PrometheusScrape.of(historical.port()).value("tributary_query_seconds_count", routed)).isEqualTo(routedBefore + 1);
            assertThat(PrometheusScrape.of(realtime.port()).value("tributary_query_seconds_count", asPart)).isEqualTo(asPartBefore + 1);
        }
    }

    private static double count(PrometheusScrape scrape, String... labels) {
        return scrape.find("tributary_query_seconds_count", labels).stream().mapToDouble(PrometheusScrape.Sample::value).sum();
    }

    private Properties clusterProperties() {
        Properties props = new Properties();
        props.setProperty("tributary.metadata.storage.embedded.directory", dir.resolve("metadata").toString());
        props.setProperty("tributary.zk.service.host", ZOOKEEPER.connectString());
        props.setProperty("tributary.zk.paths.base", "/metrics-" + dir.getFileName());
        props.setProperty("tributary.storage.type", "local");
        props.setProperty("tributary.storage.storageDirectory", dir.resolve("deep").toString());
        props.setProperty("tributary.historical.pollPeriodMillis", "200");
        props.setProperty("tributary.segmentCache.location", dir.resolve("cache").toString());
        return props;
    }

    /** MINUTE segments under the messageTime policy with a 10 s window: a minute hands off once events 10 s past it arrive. */
    private String spec(String topic) {
        return """
                {"dataSchema": {
                   "dataSource": "clicks",
                   "timestampSpec": {"column": "ts", "format": "millis"},
                   "dimensionsSpec": {"dimensions": ["channel"]},
                   "metricsSpec": [{"type": "count", "name": "count"}],
                   "granularitySpec": {"segmentGranularity": "minute", "queryGranularity": "none"}},
                 "ioConfig": {"type": "realtime", "firehose": {"type": "kafka", "topic": "%s",
                   "consumerProps": {"bootstrap.servers": "%s", "group.id": "%s"}}},
                 "tuningConfig": {"type": "realtime", "rejectionPolicy": {"type": "messageTime"}, "windowPeriod": "PT10S",
                                  "basePersistDirectory": "%s"}}
                """.formatted(topic, KAFKA.bootstrapServers(), topic + "-group", dir.resolve("persist"));
    }

    private static void produce(String topic) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<byte[], byte[]>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < EVENTS; i++) {
                String event = "{\"ts\": " + (BASE + i * 1000L) + ", \"channel\": \"c" + (i % 5) + "\"}";
                producer.send(new ProducerRecord<>(topic, event.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }
}
