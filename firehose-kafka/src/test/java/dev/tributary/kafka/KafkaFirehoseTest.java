package dev.tributary.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.spec.InvalidSpecException;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.core.spi.Firehose;
import dev.tributary.core.spi.FirehoseFactory;
import dev.tributary.core.spi.RawEvent;
import dev.tributary.testing.KafkaBrokerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaFirehoseTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static FirehoseFactory firehose(String json) {
        return SpecReader.read(json, FirehoseFactory.class);
    }

    @Test
    void shouldDeliverEveryRecordAsRawBytesWithItsPartitionAndOffset() throws InterruptedException {
        String topic = KAFKA.createTopic("raw", 2);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (var producer = new KafkaProducer<byte[], byte[]>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, null, ("event-" + i).getBytes(StandardCharsets.UTF_8)));
            }
            producer.send(new ProducerRecord<>(topic, 0, null, null));
        }
        FirehoseFactory factory = firehose("""
                {"type": "kafka", "topic": "%s", "consumerProps": {"bootstrap.servers": "%s", "group.id": "raw"}}"""
                .formatted(topic, KAFKA.bootstrapServers()));
        List<RawEvent> events = new ArrayList<>();
        try (Firehose hose = factory.connect(dev.tributary.core.spi.FirehoseContext.of(dev.tributary.core.spi.FirehoseListener.NONE))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (events.size() < 21 && System.nanoTime() < deadline) {
                events.addAll(hose.poll(Duration.ofMillis(200)));
            }
        }
        assertThat(events).hasSize(21);
        List<String> partition0 = events.stream().filter(e -> e.partition().equals(topic + "-0"))
                .map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
        assertThat(partition0).containsExactly("event-0", "event-2", "event-4", "event-6", "event-8", "event-10",
                "event-12", "event-14", "event-16", "event-18", "");
        assertThat(events.stream().filter(e -> e.partition().equals(topic + "-1")).map(RawEvent::offset))
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void shouldRefuseAFirehoseWithoutGroupIdNamingTheField() {
        assertThatThrownBy(() -> firehose("""
                {"type": "kafka", "topic": "t", "consumerProps": {"bootstrap.servers": "127.0.0.1:1"}}"""))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("consumerProps.group.id");
    }

    @Test
    void shouldRefuseOverridingAutoCommit() {
        assertThatThrownBy(() -> firehose("""
                {"type": "kafka", "topic": "t", "consumerProps": {"bootstrap.servers": "h:1", "group.id": "g",
                 "enable.auto.commit": "true"}}"""))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("consumerProps.enable.auto.commit");
    }

    @Test
    void shouldReadDruidsOldFieldNames() {
        FirehoseFactory factory = firehose("""
                {"type": "kafka", "feed": "wiki", "consumerProperties": {"bootstrap.servers": "h:1", "group.id": "g"}}""");
        assertThat(factory).isEqualTo(new KafkaFirehoseFactory("wiki", Map.of("bootstrap.servers", "h:1", "group.id", "g")));
    }

    @Test
    void shouldMaskSecretsWhenShown() {
        var factory = new KafkaFirehoseFactory("t", Map.of("bootstrap.servers", "h:1", "group.id", "g",
                "sasl.jaas.config", "org.Login required password=\"hunter2\";", "ssl.key.password", "pw2"));
        assertThat(factory.toString()).doesNotContain("hunter2").doesNotContain("pw2").contains("*****");
    }
}
