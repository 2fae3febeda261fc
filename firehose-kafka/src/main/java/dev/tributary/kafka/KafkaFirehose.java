package dev.tributary.kafka;

import dev.tributary.core.spi.Firehose;
import dev.tributary.core.spi.RawEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A consumer-group member reading one topic as raw bytes. It never commits: auto-commit is off and
 * committing belongs to the plumber, once rows are persisted. Until then, a restarted group reads
 * from {@code auto.offset.reset} (default {@code earliest}).
 *
 * <p>Threading: like {@link KafkaConsumer}, used by the one ingestion thread only.
 */
final class KafkaFirehose implements Firehose {
    private final KafkaConsumer<byte[], byte[]> consumer;

    KafkaFirehose(KafkaFirehoseFactory spec) {
        Properties props = new Properties();
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-" + spec.consumerProps().get("group.id"));
        props.putAll(spec.consumerProps());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(spec.topic()));
    }

    @Override
    public List<RawEvent> poll(Duration maxWait) throws InterruptedException {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = consumer.poll(maxWait);
        } catch (WakeupException | org.apache.kafka.common.errors.InterruptException e) {
            throw new InterruptedException("interrupted while polling Kafka");
        }
        if (records.isEmpty()) {
            return List.of();
        }
        List<RawEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            events.add(new RawEvent(record.topic() + "-" + record.partition(), record.offset(), record.value()));
        }
        return events;
    }

    @Override
    public void close() {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
