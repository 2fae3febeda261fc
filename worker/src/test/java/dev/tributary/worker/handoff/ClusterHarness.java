package dev.tributary.worker.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.spec.SpecReader;
import dev.tributary.core.time.DateTimes;
import dev.tributary.deepstorage.DeepStorage;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A cluster for handoff tests, in this JVM: realtime and historical servers sharing one ZooKeeper,
 * one metadata store and one deep storage, all real; events with one second of event time each, in
 * MINUTE segments under the messageTime policy with a 10 s window, so that a minute hands off as soon
 * as events 10 s past its end arrive.
 */
final class ClusterHarness {
    static final long BASE = DateTimes.parseIso("2026-03-01T10:00:00Z");
    static final String TOTALS = """
            {"queryType": "timeseries", "dataSource": "clicks", "intervals": ["2026-03-01/2026-03-02"],
             "granularity": "all", "aggregations": [{"type": "longSum", "name": "events", "fieldName": "count"},
                                                    {"type": "longSum", "name": "added", "fieldName": "added"}]}
            """;

    private final Path dir;
    private final String zooKeeper;
    private final String kafka;
    private final Properties base = new Properties();

    ClusterHarness(Path dir, String zooKeeper, String kafka) {
        this.dir = dir;
        this.zooKeeper = zooKeeper;
        this.kafka = kafka;
        base.setProperty("tributary.metadata.storage.embedded.directory", dir.resolve("metadata").toString());
        base.setProperty("tributary.zk.service.host", zooKeeper);
        base.setProperty("tributary.zk.paths.base", "/cluster-" + dir.getFileName());
        base.setProperty("tributary.storage.type", "local");
        base.setProperty("tributary.storage.storageDirectory", dir.resolve("deep").toString());
        base.setProperty("tributary.historical.pollPeriodMillis", "200");
    }

    /** Overrides a property of every node started from now on (another metadata store or deep storage). */
    ClusterHarness with(String key, String value) {
        base.setProperty(key, value);
        return this;
    }

    ClusterHarness without(String key) {
        base.remove(key);
        return this;
    }

    Properties props(String node) {
        Properties props = new Properties();
        props.putAll(base);
        props.setProperty("tributary.segmentCache.location", dir.resolve(node + "-cache").toString());
        return props;
    }

    MetadataStoreConfig metadata() {
        return MetadataStoreConfig.from(props("metadata"));
    }

    HistoricalServer startHistorical(String name) {
        return startHistorical(name, 0);
    }

    HistoricalServer startHistorical(String name, int port) {
        Properties props = props(name);
        return HistoricalServer.start(NodeConfig.defaults().withPort(port), MetadataStoreConfig.from(props),
                ZooKeeperConfig.from(props), DeepStorageConfig.from(props), HistoricalConfig.from(props));
    }

    RealtimeServer startRealtime(String topic, long handoffConditionTimeout) {
        return startRealtime("realtime", topic, handoffConditionTimeout);
    }

    /** A realtime node named {@code name}: its persist directory is its own. */
    RealtimeServer startRealtime(String name, String topic, long handoffConditionTimeout) {
        Properties props = props(name);
        return RealtimeServer.startInCluster(NodeConfig.defaults().withPort(0), MetadataStoreConfig.from(props),
                ZooKeeperConfig.from(props), DeepStorageConfig.from(props),
                SpecReader.read(spec(topic, handoffConditionTimeout, dir.resolve("persist-" + name))));
    }

    RealtimeServer startRealtime(String topic, DeepStorage deepStorage, String loadSpecType) {
        Properties props = props("realtime");
        return RealtimeServer.startInCluster(NodeConfig.defaults().withPort(0), MetadataStoreConfig.from(props),
                ZooKeeperConfig.from(props), deepStorage, loadSpecType, SpecReader.read(spec(topic, 0, dir.resolve("persist-realtime"))));
    }

    private String spec(String topic, long handoffConditionTimeout, Path persist) {
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
                                  "handoffConditionTimeout": %d, "basePersistDirectory": "%s"}}
                """.formatted(topic, kafka, topic + "-group", handoffConditionTimeout, persist);
    }

    /** The persist directory of the dataSource on the realtime node named "realtime". */
    Path persistDirectory() {
        return dir.resolve("persist-realtime").resolve("clicks");
    }

    /**
     * Events {@code from .. from + count - 1}, event i at BASE + i seconds, sent in bursts of 180 (three
     * minutes of event time) with a pause between, so that handoffs happen while events flow.
     */
    void produce(String topic, int from, int count) throws InterruptedException {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<byte[], byte[]>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = from; i < from + count; i++) {
                String event = "{\"ts\": " + (BASE + i * 1000L) + ", \"channel\": \"c" + (i % 5) + "\", \"added\": 1}";
                byte[] key = Integer.toString(i).getBytes(StandardCharsets.UTF_8); // spread over every partition
                producer.send(new ProducerRecord<>(topic, key, event.getBytes(StandardCharsets.UTF_8)));
                if (i % 180 == 179) {
                    producer.flush();
                    Thread.sleep(300); // pacing the producer, not waiting for anything
                }
            }
        }
    }

    static long total(NodeClient node, boolean localOnly) {
        NodeClient.Response response = localOnly ? node.queryLocal(TOTALS) : node.query(TOTALS);
        assertThat(response.status()).as("query status: %s", response.body()).isEqualTo(200);
        return response.body().isEmpty() ? 0 : response.body().get(0).get("result").get("events").asLong();
    }

    /** Queries the totals through each node, over and over, until stopped; remembers every answer. */
    static final class QueryLoop implements AutoCloseable {
        private final Map<String, List<Long>> seen = new ConcurrentHashMap<>();
        private final List<Throwable> errors = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        QueryLoop(Map<String, NodeClient> nodes) {
            nodes.keySet().forEach(name -> seen.put(name, new CopyOnWriteArrayList<>()));
            thread = new Thread(() -> {
                try {
                    while (running.get()) {
                        for (var node : nodes.entrySet()) {
                            seen.get(node.getKey()).add(total(node.getValue(), false));
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "query-loop");
            thread.start();
        }

        /** Stops the loop and checks that no node's total ever fell or passed {@code produced}. */
        void stopAndCheck(long produced) throws InterruptedException {
            close();
            assertThat(errors).as("query loop errors").isEmpty();
            for (var entry : seen.entrySet()) {
                List<Long> totals = new ArrayList<>(entry.getValue());
                assertThat(totals).as("queries through %s", entry.getKey()).hasSizeGreaterThan(5);
                for (int i = 1; i < totals.size(); i++) {
                    assertThat(totals.get(i)).as("total through %s at query %d, after %d", entry.getKey(), i, totals.get(i - 1))
                            .isGreaterThanOrEqualTo(totals.get(i - 1));
                }
                assertThat(totals).as("totals through %s", entry.getKey()).allMatch(t -> t <= produced);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(30_000);
        }
    }
}
