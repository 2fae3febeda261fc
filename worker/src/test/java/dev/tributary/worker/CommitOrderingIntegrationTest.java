package dev.tributary.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tributary.core.Json;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.testing.KafkaBrokerExtension;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.metadata.MetadataStore;
import dev.tributary.worker.metadata.MetadataStoreConfig;
import dev.tributary.worker.server.RealtimeServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commit after persist, watched from outside while a node ingests and persists every 30 rows: a
 * sampler reads each partition's committed offset from the offset ledger and from Kafka, and only
 * then the commit files of the hydrants on disk (each written, forced, before its commit runs). At no
 * sample may a committed offset be ahead of what the hydrants on disk cover. Reading the offsets
 * first makes the check safe against races: files only ever cover more as time goes on.
 */
class CommitOrderingIntegrationTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path dir;

    @Test
    void shouldNeverCommitAnOffsetAheadOfTheRowsOnDisk() throws Exception {
        String topic = KAFKA.createTopic("ordering", 3);
        String group = topic + "-group";
        Path persist = dir.resolve("persist");
        String spec = """
                {"dataSchema": {"dataSource": "ordering", "timestampSpec": {"column": "ts", "format": "millis"},
                   "dimensionsSpec": {"dimensions": ["k"]}, "metricsSpec": [{"type": "count", "name": "count"}],
                   "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "none"}},
                 "ioConfig": {"type": "realtime", "firehose": {"type": "kafka", "topic": "%s",
                   "consumerProps": {"bootstrap.servers": "%s", "group.id": "%s"}}},
                 "tuningConfig": {"type": "realtime", "rejectionPolicy": {"type": "none"}, "maxRowsInMemory": 30,
                                  "basePersistDirectory": "%s"}}""".formatted(topic, KAFKA.bootstrapServers(), group, persist);
        Properties metadata = new Properties();
        metadata.setProperty("tributary.metadata.storage.embedded.directory", dir.resolve("metadata").toString());
        MetadataStoreConfig store = MetadataStoreConfig.from(metadata);
        int events = 4000;
        List<String> violations = new ArrayList<>();
        int[] samples = {0};
        AtomicBoolean done = new AtomicBoolean();
        try (RealtimeServer node = RealtimeServer.start(NodeConfig.defaults().withPort(0), store, SpecReader.read(spec));
                MetadataStore reader = MetadataStore.open(store);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            Thread sampler = new Thread(() -> {
                while (!done.get()) {
                    Map<Integer, Long> ledger = reader.offsetLedger().committedOffsets(group, topic);
                    Map<TopicPartition, OffsetAndMetadata> kafka;
                    try {
                        kafka = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                    } catch (Exception e) {
                        continue;
                    }
                    Map<String, Long> onDisk = coveredOnDisk(persist.resolve("ordering"));
                    if (onDisk == null) {
                        continue;
                    }
                    ledger.forEach((p, offset) -> check(violations, "ledger", topic + "-" + p, offset, onDisk));
                    kafka.forEach((tp, offset) -> check(violations, "kafka", tp.toString(), offset.offset(), onDisk));
                    samples[0]++;
                }
            }, "sampler");
            sampler.start();
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
            try (var producer = new KafkaProducer<byte[], byte[]>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < events; i++) {
                    String json = "{\"ts\": " + (1_768_471_200_000L + i) + ", \"k\": \"k" + i % 97 + "\"}";
                    producer.send(new ProducerRecord<>(topic, json.getBytes(StandardCharsets.UTF_8)));
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> node.node().metrics().consumed() == events
                    && reader.offsetLedger().committedOffsets(group, topic).values().stream().mapToLong(Long::longValue).sum() >= events - 90);
            done.set(true);
            sampler.join(10_000);
        }
        System.out.printf("commit ordering: %d samples, %d violations%n", samples[0], violations.size());
        assertThat(samples[0]).as("samples taken").isGreaterThan(10);
        assertThat(violations).isEmpty();
    }

    private static void check(List<String> violations, String where, String partition, long committed, Map<String, Long> onDisk) {
        long covered = onDisk.getOrDefault(partition, 0L);
        if (committed > covered) {
            violations.add(where + " committed " + partition + " at " + committed + " but the hydrants on disk cover only " + covered);
        }
    }

    /**
     * Per partition, the furthest position any commit file on disk records; null when the listing
     * raced with a persist renaming a directory (the sample is then skipped, not judged).
     */
    private static Map<String, Long> coveredOnDisk(Path dataSourceDir) {
        Map<String, Long> covered = new HashMap<>();
        if (!Files.isDirectory(dataSourceDir)) {
            return covered;
        }
        try (Stream<Path> sinks = Files.list(dataSourceDir)) {
            for (Path sink : sinks.filter(Files::isDirectory).toList()) {
                try (Stream<Path> entries = Files.list(sink)) {
                    for (Path file : entries.filter(f -> f.getFileName().toString().matches("[0-9]+\\.commit")).toList()) {
                        Map<String, Object> metadata = Json.mapper().readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
                        if (metadata.get("partitions") instanceof Map<?, ?> partitions) {
                            partitions.forEach((p, offset) -> covered.merge((String) p, ((Number) offset).longValue(), Math::max));
                        }
                    }
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return null;
        }
        return covered;
    }
}
