package dev.tributary.worker;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes a known sequence of JSON events in bursts, so that production goes on while workers change. */
final class PacedProducer {
    private PacedProducer() {
    }

    /** Sends {@code event(0) .. event(count - 1)}, pausing {@code pauseMillis} after each 300. */
    static void produce(String bootstrapServers, String topic, int count, IntFunction<String> event, long pauseMillis) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<byte[], byte[]>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, event.apply(i).getBytes(StandardCharsets.UTF_8)));
                if (i % 300 == 299) {
                    producer.flush();
                    try {
                        Thread.sleep(pauseMillis); // pacing the producer, not waiting for anything
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
