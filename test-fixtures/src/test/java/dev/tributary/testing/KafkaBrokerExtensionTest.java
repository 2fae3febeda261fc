package dev.tributary.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaBrokerExtensionTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void shouldProduceAndConsumeThroughTheSharedBroker() throws Exception {
        String topic = KAFKA.createTopic("fixture-roundtrip", 1);
        List<String> sent = IntStream.range(0, 10).mapToObj(i -> "event-" + i).toList();

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (String value : sent) {
                producer.send(new ProducerRecord<>(topic, value)).get();
            }
        }

        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> received.add(record.value()));
                assertThat(received).hasSameSizeAs(sent);
            });
        }
        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void shouldCreateADistinctTopicOnEveryCallWithTheSamePrefix() throws Exception {
        String first = KAFKA.createTopic("fixture-same-prefix", 3);
        String second = KAFKA.createTopic("fixture-same-prefix", 2);

        assertThat(first).isNotEqualTo(second).startsWith("fixture-same-prefix");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            var topics = admin.describeTopics(List.of(first, second)).allTopicNames().get();
            assertThat(topics.get(first).partitions()).hasSize(3);
            assertThat(topics.get(second).partitions()).hasSize(2);
        }
    }

    @Nested
    class WhenAnotherTestClassRegistersTheExtension {

        @RegisterExtension
        static final KafkaBrokerExtension OTHER = new KafkaBrokerExtension();

        @Test
        void shouldReuseTheBrokerThisJvmAlreadyStarted() {
            assertThat(OTHER.bootstrapServers()).isEqualTo(KAFKA.bootstrapServers());
        }
    }
}
