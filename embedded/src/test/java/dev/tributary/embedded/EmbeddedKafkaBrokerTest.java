package dev.tributary.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    @Test
    void shouldKeepTopicsAndRecordsWhenRestartedOnTheSameDirectory(@TempDir Path dataDir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            broker.createTopic("durable", 1);
            produce(broker, "durable", List.of("before-restart"));
        }

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            produce(broker, "durable", List.of("after-restart"));

            assertThat(consumeAll(broker, "durable", 2)).containsExactly("before-restart", "after-restart");
            assertThatThrownBy(() -> broker.createTopic("durable", 1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("durable")
                    .hasCauseInstanceOf(TopicExistsException.class);
        }
        assertThat(dataDir.resolve("server.properties")).exists();
    }

    @Test
    void shouldDeleteTheDirectoryItOwnsAndTolerateASecondClose() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        Path dataDir = broker.dataDirectory();
        assertThat(dataDir.resolve("logs")).isDirectory();

        broker.close();
        broker.close();

        assertThat(dataDir).doesNotExist();
    }

    private static void produce(EmbeddedKafkaBroker broker, String topic, List<String> values) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value)).get();
            }
        }
    }

    private static List<String> consumeAll(EmbeddedKafkaBroker broker, String topic, int expected) {
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> received.add(record.value()));
                assertThat(received).hasSize(expected);
            });
        }
        return received;
    }
}
