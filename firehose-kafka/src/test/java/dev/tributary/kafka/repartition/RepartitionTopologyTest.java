package dev.tributary.kafka.repartition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.input.JsonInputRowParser;
import dev.tributary.core.input.transform.RowTransformer;
import dev.tributary.core.spec.IngestionSpec;
import dev.tributary.core.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** The topology alone, without a broker: what happens to each kind of event. */
class RepartitionTopologyTest {
    static final String SPEC = """
            {"dataSchema": {"dataSource": "clicks",
               "timestampSpec": {"column": "ts", "format": "millis"},
               "dimensionsSpec": {"dimensions": ["country", "page"]},
               "metricsSpec": [{"type": "count", "name": "count"}],
               "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "minute"},
               "transformSpec": {
                 "transforms": [{"type": "expression", "name": "page", "expression": "concat('/', page)"}],
                 "filter": {"type": "not", "field": {"type": "selector", "dimension": "country", "value": "bot"}}}},
             "ioConfig": {"firehose": {"type": "kafka", "topic": "%s",
               "consumerProps": {"bootstrap.servers": "%s", "group.id": "clicks"}}},
             "tuningConfig": {"maxEventBytes": 200}}""";

    private static final long T0 = 1_767_225_600_000L;

    private final IngestionSpec spec = SpecReader.read(SPEC.formatted("clicks", "127.0.0.1:1"));

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private TopologyTestDriver driver() {
        RepartitionConfig config = new RepartitionConfig(spec, "raw", "clicks", "127.0.0.1:1", "test", null);
        return new TopologyTestDriver(RepartitionJob.topology(config), config.toStreamsProperties());
    }

    @Test
    void shouldKeyEachEventByTheHashOfItsTransformedRollupKeyAndKeepItsBytes() {
        byte[] event = bytes("{\"ts\": %d, \"country\": \"fr\", \"page\": \"home\"}".formatted(T0 + 5));
        try (TopologyTestDriver driver = driver()) {
            input(driver).pipeInput(bytes("original-key"), event, T0);
            List<TestRecord<byte[], byte[]>> out = output(driver).readRecordsToList();

            assertThat(out).hasSize(1);
            assertThat(out.get(0).value()).isEqualTo(event);
            assertThat(out.get(0).timestamp()).isEqualTo(T0);
            // the key is of the row the worker will index: page transformed to "/home"
            long expected = new RollupKey(spec.dataSchema()).hash(new RowTransformer(
                    spec.dataSchema().transformSpec()).apply(new JsonInputRowParser(spec.dataSchema()).parse(event)));
            assertThat(out.get(0).key()).isEqualTo(RollupKey.toBytes(expected));
        }
    }

    @Test
    void shouldDropWhatTheFilterRejectsAndCountIt() {
        try (TopologyTestDriver driver = driver()) {
            input(driver).pipeInput(null, bytes("{\"ts\": %d, \"country\": \"bot\", \"page\": \"x\"}".formatted(T0)));
            input(driver).pipeInput(null, bytes("{\"ts\": %d, \"country\": \"de\", \"page\": \"x\"}".formatted(T0)));

            assertThat(output(driver).readRecordsToList()).hasSize(1);
            assertThat(RepartitionMetrics.total(driver.metrics(), RepartitionMetrics.FILTERED)).isEqualTo(1);
            assertThat(RepartitionMetrics.total(driver.metrics(), RepartitionMetrics.REKEYED)).isEqualTo(1);
        }
    }

    @Test
    void shouldPassUnparseableEventsOnUnchangedWithTheirOwnKeySoTheWorkersCountThem() {
        byte[] tooLarge = bytes("{\"ts\": %d, \"page\": \"%s\"}".formatted(T0, "x".repeat(300)));
        List<byte[]> unparseable = List.of(bytes("not json"), bytes("{\"page\": \"no time\"}"), tooLarge);
        try (TopologyTestDriver driver = driver()) {
            for (byte[] event : unparseable) {
                input(driver).pipeInput(bytes("k"), event);
            }
            input(driver).pipeInput(bytes("tombstone"), (byte[]) null);

            List<TestRecord<byte[], byte[]>> out = output(driver).readRecordsToList();
            assertThat(out).extracting(TestRecord::value)
                    .containsExactly(unparseable.get(0), unparseable.get(1), unparseable.get(2), null);
            assertThat(out).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                    .containsExactly("k", "k", "k", "tombstone");
            assertThat(RepartitionMetrics.total(driver.metrics(), RepartitionMetrics.UNPARSEABLE)).isEqualTo(4);
        }
    }

    @Test
    void shouldDefaultTheTargetAndBootstrapToTheSpecsKafkaFirehose() {
        RepartitionConfig config = RepartitionConfig.withDefaults(spec, "raw", null, null, null, null);
        assertThat(config.targetTopic()).isEqualTo("clicks");
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:1");
        assertThat(config.applicationId()).isEqualTo("tributary-repartition-clicks");
        assertThat(config.toStreamsProperties()).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2");
    }

    @Test
    void shouldRefuseToWeakenTheGuaranteeOrReadItsOwnTarget() {
        assertThatThrownBy(() -> new RepartitionConfig(spec, "raw", "clicks", "h:1", "app",
                Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once")))
                .isInstanceOf(InvalidRepartitionConfigException.class)
                .hasMessageContaining("processing.guarantee");
        assertThatThrownBy(() -> new RepartitionConfig(spec, "clicks", "clicks", "h:1", "app", null))
                .isInstanceOf(InvalidRepartitionConfigException.class)
                .hasMessageContaining("must differ");
    }

    private static TestInputTopic<byte[], byte[]> input(TopologyTestDriver driver) {
        return driver.createInputTopic("raw", new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static TestOutputTopic<byte[], byte[]> output(TopologyTestDriver driver) {
        return driver.createOutputTopic("clicks", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
