package dev.tributary.kafka.repartition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.core.input.InputRow;
import dev.tributary.core.input.JsonInputRowParser;
import dev.tributary.core.input.transform.RowTransformer;
import dev.tributary.core.spec.IngestionSpec;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.testing.KafkaBrokerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The job as Kafka Streams runs it, against a real broker: raw topic in, re-keyed topic out. */
class RepartitionJobKafkaTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final long T0 = 1_767_225_600_000L;
    private static final int EVENTS = 3000;
    private static final int UNPARSEABLE_EVERY = 300;

    @TempDir
    Path stateDirectory;

    /** Event i: one of 4 countries (country-3 is filtered out), 5 pages, 5 minutes; unique by its id. */
    private static byte[] event(int i) {
        if (i % UNPARSEABLE_EVERY == 0) {
            return ("not json " + i).getBytes(StandardCharsets.UTF_8);
        }
        return "{\"ts\": %d, \"country\": \"country-%d\", \"page\": \"p%d\", \"id\": %d}"
                .formatted(T0 + (i * 7919L) % (5 * 60_000), i % 4, i % 5, i).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean filtered(int i) {
        return i % UNPARSEABLE_EVERY != 0 && i % 4 == 3;
    }

    private static String spec(String topic) {
        return """
                {"dataSchema": {"dataSource": "clicks",
                   "timestampSpec": {"column": "ts", "format": "millis"},
                   "dimensionsSpec": {"dimensions": ["country", "page"]},
                   "metricsSpec": [{"type": "count", "name": "count"}],
                   "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "minute"},
                   "transformSpec": {"filter": {"type": "not", "field": {"type": "selector", "dimension": "country", "value": "country-3"}}}},
                 "ioConfig": {"firehose": {"type": "kafka", "topic": "%s",
                   "consumerProps": {"bootstrap.servers": "%s", "group.id": "clicks"}}}}"""
                .formatted(topic, KAFKA.bootstrapServers());
    }

    @Test
    void shouldWriteEveryUnfilteredEventOnceKeyedByItsRollupKeyWithEachKeyInOnePartition() throws Exception {
        String raw = KAFKA.createTopic("raw-clicks", 3);
        String target = KAFKA.createTopic("clicks", 3);
        IngestionSpec spec = SpecReader.read(spec(target));
        List<byte[]> expected = new ArrayList<>();
        int filtered = 0;
        for (int i = 0; i < EVENTS; i++) {
            if (filtered(i)) {
                filtered++;
            } else {
                expected.add(event(i));
            }
        }
        produce(raw);

        RepartitionConfig config = RepartitionConfig.withDefaults(spec, raw, null, null, "repartition-" + target,
                Map.of(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString()));
        try (RepartitionJob job = RepartitionJob.start(config); var consumer = readCommitted(target)) {
            List<ConsumerRecord<byte[], byte[]>> arrived = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(arrived::add);
                return arrived.size() >= expected.size();
            });
            assertThat(job.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(job.count(RepartitionMetrics.FILTERED)).isEqualTo(filtered);
            assertThat(job.count(RepartitionMetrics.UNPARSEABLE)).isEqualTo(EVENTS / UNPARSEABLE_EVERY);
        }
        // the job is closed, its last transaction settled: whatever else it wrote would now be visible
        List<ConsumerRecord<byte[], byte[]>> written;
        try (var consumer = readCommitted(target)) {
            written = readToEnd(consumer);
        }

        assertThat(written).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList());
        JsonInputRowParser parser = new JsonInputRowParser(spec.dataSchema());
        RowTransformer transformer = new RowTransformer(spec.dataSchema().transformSpec());
        RollupKey rollupKey = new RollupKey(spec.dataSchema());
        Map<Long, Set<Integer>> partitionsByKey = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : written) {
            if (new String(record.value(), StandardCharsets.UTF_8).startsWith("not json")) {
                assertThat(record.key()).as("an unparseable event keeps its key").isNull();
                continue;
            }
            InputRow row = transformer.apply(parser.parse(record.value()));
            long hash = rollupKey.hash(row);
            assertThat(record.key()).isEqualTo(RollupKey.toBytes(hash));
            partitionsByKey.computeIfAbsent(hash, k -> new HashSet<>()).add(record.partition());
        }
        assertThat(partitionsByKey).as("rollup keys: 5 minutes x 3 countries x 5 pages").hasSize(75);
        assertThat(partitionsByKey.values()).allSatisfy(partitions -> assertThat(partitions).hasSize(1));
    }

    private static void produce(String topic) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<byte[], byte[]>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < EVENTS; i++) {
                producer.send(new ProducerRecord<>(topic, i % 3, null, event(i)));
            }
        }
    }

    private static KafkaConsumer<byte[], byte[]> readCommitted(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Every committed record: read until each partition's position reaches its last stable offset. */
    private static List<ConsumerRecord<byte[], byte[]>> readToEnd(KafkaConsumer<byte[], byte[]> consumer) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
        return records;
    }
}
