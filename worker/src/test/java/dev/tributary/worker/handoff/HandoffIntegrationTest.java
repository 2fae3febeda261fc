package dev.tributary.worker.handoff;

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
import dev.tributary.worker.metadata.DataSegment;
import dev.tributary.worker.metadata.MetadataStore;
import dev.tributary.worker.metadata.MetadataStoreConfig;
import dev.tributary.worker.plumber.RealtimePlumber;
import dev.tributary.worker.server.HistoricalServer;
import dev.tributary.worker.server.RealtimeServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with MINUTE segments, on a real Kafka broker, a real ZooKeeper, the embedded metadata
 * store and local deep storage: a realtime node ingests, hands each minute off to a historical once
 * event time has passed it by the window (messageTime), and forgets it; a loop querying the totals
 * through both nodes all along never sees a total fall or exceed what was produced, and both end on
 * the exact total.
 */
class HandoffIntegrationTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    @RegisterExtension
    static final ZooKeeperExtension ZOOKEEPER = new ZooKeeperExtension();

    private static final long BASE = DateTimes.parseIso("2026-03-01T10:00:00Z");
    private static final int EVENTS = 1_800; // one per second of event time: 30 minutes
    private static final String TOTALS = """
            {"queryType": "timeseries", "dataSource": "clicks", "intervals": ["2026-03-01/2026-03-02"],
             "granularity": "all", "aggregations": [{"type": "longSum", "name": "events", "fieldName": "count"},
                                                    {"type": "longSum", "name": "added", "fieldName": "added"}]}
            """;

    @TempDir
    Path dir;

    private Properties clusterProps(String node) {
        Properties props = new Properties();
        props.setProperty("tributary.metadata.storage.embedded.directory", dir.resolve("metadata").toString());
        props.setProperty("tributary.zk.service.host", ZOOKEEPER.connectString());
        props.setProperty("tributary.zk.paths.base", "/handoff-" + dir.getFileName());
        props.setProperty("tributary.storage.type", "local");
        props.setProperty("tributary.storage.storageDirectory", dir.resolve("deep").toString());
        props.setProperty("tributary.segmentCache.location", dir.resolve(node + "-cache").toString());
        props.setProperty("tributary.historical.pollPeriodMillis", "200");
        return props;
    }

    private String spec(String topic) {
        return """
                {"dataSchema": {
                   "dataSource": "clicks",
                   "timestampSpec": {"column": "ts", "format": "millis"},
                   "dimensionsSpec": {"dimensions": ["channel"]},
                   "metricsSpec": [{"type": "count", "name": "count"}, {"type": "longSum", "name": "added", "fieldName": "added"}],
                   "granularitySpec": {"segmentGranularity": "minute", "queryGranularity": "none"}},
                 "ioConfig": {"type": "realtime", "firehose": {"type": "kafka", "topic": "%s",
                   "consumerProps": {"bootstrap.servers": "%s", "group.id": "%s"}}},
                 "tuningConfig": {"type": "realtime", "rejectionPolicy": {"type": "messageTime"}, "windowPeriod": "PT10S",
                                  "basePersistDirectory": "%s"}}
                """.formatted(topic, KAFKA.bootstrapServers(), topic + "-group", dir.resolve("persist"));
    }

    private static long total(NodeClient node, boolean localOnly) {
        NodeClient.Response response = localOnly ? node.queryLocal(TOTALS) : node.query(TOTALS);
        assertThat(response.status()).as("query status: %s", response.body()).isEqualTo(200);
        return response.body().isEmpty() ? 0 : response.body().get(0).get("result").get("events").asLong();
    }

    @Test
    void shouldHandOffEveryMinuteWithoutATotalEverFallingOrDoubling() throws Exception {
        String topic = KAFKA.createTopic("handoff", 1);
        Properties historicalProps = clusterProps("historical");
        Properties realtimeProps = clusterProps("realtime");
        try (HistoricalServer historical = HistoricalServer.start(NodeConfig.defaults().withPort(0),
                     MetadataStoreConfig.from(historicalProps), ZooKeeperConfig.from(historicalProps),
                     DeepStorageConfig.from(historicalProps), HistoricalConfig.from(historicalProps));
             RealtimeServer realtime = RealtimeServer.startInCluster(NodeConfig.defaults().withPort(0),
                     MetadataStoreConfig.from(realtimeProps), ZooKeeperConfig.from(realtimeProps),
                     DeepStorageConfig.from(realtimeProps), SpecReader.read(spec(topic)))) {
            NodeClient viaRealtime = new NodeClient(realtime.port());
            NodeClient viaHistorical = new NodeClient(historical.port());

            List<Long> seenByRealtime = new CopyOnWriteArrayList<>();
            List<Long> seenByHistorical = new CopyOnWriteArrayList<>();
            AtomicBoolean querying = new AtomicBoolean(true);
            List<Throwable> loopErrors = new CopyOnWriteArrayList<>();
            Thread loop = new Thread(() -> {
                try {
                    while (querying.get()) {
                        seenByRealtime.add(total(viaRealtime, false));
                        seenByHistorical.add(total(viaHistorical, false));
                    }
                } catch (Throwable e) {
                    loopErrors.add(e);
                }
            }, "query-loop");
            loop.start();

            produce(topic);
            // Minutes 0..28 end at least a window before the last event time; minute 29 stays on the realtime node.
            RealtimePlumber plumber = (RealtimePlumber) realtime.node().plumber();
            await().atMost(Duration.ofSeconds(120)).until(() -> plumber.metrics().handedOffSegments() == 29);
            await().atMost(Duration.ofSeconds(30)).until(() -> total(viaRealtime, false) == EVENTS
                    && total(viaHistorical, false) == EVENTS);
            querying.set(false);
            loop.join(30_000);

            assertThat(loopErrors).isEmpty();
            assertNeverFallsNorPasses(seenByRealtime, "through the realtime node");
            assertNeverFallsNorPasses(seenByHistorical, "through the historical node");
            assertThat(seenByRealtime.size() + seenByHistorical.size()).as("queries run during the test").isGreaterThan(20);

            // The historical serves the 29 handed-off minutes, the realtime node only the last one.
            assertThat(total(viaHistorical, true)).isEqualTo(29 * 60);
            assertThat(total(viaRealtime, true)).isEqualTo(60);
            assertThat(historical.node().servedSegments()).hasSize(29);
            try (Stream<Path> sinks = Files.list(dir.resolve("persist").resolve("clicks"))) {
                assertThat(sinks.filter(p -> !p.getFileName().toString().startsWith("."))).hasSize(1);
            }
            try (MetadataStore store = MetadataStore.open(MetadataStoreConfig.from(realtimeProps))) {
                List<DataSegment> used = store.segmentStore().usedSegments();
                assertThat(used).hasSize(29);
                assertThat(used.stream().map(DataSegment::id).distinct()).hasSize(29);
            }
        }
    }

    private static void assertNeverFallsNorPasses(List<Long> totals, String via) {
        List<Long> copy = new ArrayList<>(totals);
        for (int i = 1; i < copy.size(); i++) {
            assertThat(copy.get(i)).as("total %s at query %d after %d", via, i, copy.get(i - 1))
                    .isGreaterThanOrEqualTo(copy.get(i - 1));
        }
        assertThat(copy).as("totals %s", via).allMatch(t -> t <= EVENTS);
    }

    /** One event per second of event time, sent in bursts so that handoffs happen while events flow. */
    private static void produce(String topic) throws InterruptedException {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<byte[], byte[]>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < EVENTS; i++) {
                String event = "{\"ts\": " + (BASE + i * 1000L) + ", \"channel\": \"c" + (i % 5) + "\", \"added\": 1}";
                producer.send(new ProducerRecord<>(topic, event.getBytes(StandardCharsets.UTF_8)));
                if (i % 180 == 179) {
                    producer.flush();
                    Thread.sleep(400); // pacing the producer so handoffs overlap ingestion, not waiting for anything
                }
            }
        }
    }
}
