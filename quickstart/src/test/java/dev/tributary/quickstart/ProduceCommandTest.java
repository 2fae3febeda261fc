package dev.tributary.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.testing.KafkaBrokerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code tributary produce}, the producer service of docker-compose.yml, against a real broker. */
class ProduceCommandTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void shouldSendTheAskedNumberOfSampleEventsAndExitZero() throws Exception {
        String topic = KAFKA.createTopic("produce", 2);
        int exit = QuickstartMain.commandLine().execute("produce", "--bootstrap", KAFKA.bootstrapServers(),
                "--topic", topic, "--rate", "2000", "--events", "300", "--report-seconds", "1");
        assertThat(exit).isZero();

        List<String> events = readAll(topic, 300);
        assertThat(events).hasSize(300);
        ObjectMapper mapper = new ObjectMapper();
        for (String event : events) {
            JsonNode json = mapper.readTree(event);
            assertThat(json.path("time").asText()).isNotEmpty();
            assertThat(json.path("channel").asText()).startsWith("#");
        }
    }

    @Test
    void shouldRefuseARateThatIsNotPositive() {
        int exit = QuickstartMain.commandLine().execute("produce", "--bootstrap", KAFKA.bootstrapServers(), "--rate", "0");
        assertThat(exit).isEqualTo(2);
    }

    private static List<String> readAll(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    events.add(record.value());
                }
                return events.size() >= expected;
            });
            // Nothing more than asked for arrives after it.
            consumer.poll(Duration.ofMillis(500)).forEach(r -> events.add(r.value()));
        }
        return events;
    }
}
