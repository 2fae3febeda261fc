package dev.tributary.kafka;

import dev.tributary.core.spi.CommitFencedException;
import dev.tributary.core.spi.Committer;
import dev.tributary.core.spi.Firehose;
import dev.tributary.core.spi.FirehoseListener;
import dev.tributary.core.spi.RawEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A consumer-group member reading one topic as raw bytes, committing offsets only through the
 * {@link Committer}s the plumber runs after each persist: auto-commit is off.
 *
 * <p>A committer's offsets are committed to Kafka on the ingestion thread (the consumer is not
 * thread-safe): {@link Committer#run} hands them over, and the next {@link #poll} commits them
 * synchronously, or {@code run} commits at once when it runs on the ingestion thread (a flush before
 * a rebalance). Rebalances use the cooperative-sticky assignor: before partitions are revoked the
 * {@link FirehoseListener} persists and commits; lost partitions commit nothing. With
 * {@code group.instance.id} set, membership is static and a quick restart causes no rebalance.
 *
 * <p>Not yet here: the offset ledger with ownership epochs (zombie fencing). Until it is, a commit
 * is Kafka's own, and a commit refused because the group rebalanced is reported as fenced.
 *
 * <p>Threading: like {@link KafkaConsumer}, used by the one ingestion thread only, except
 * {@link Committer#run}, which may come from the plumber's persist thread.
 */
final class KafkaFirehose implements Firehose {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Thread owner = Thread.currentThread();
    /** Offsets whose rows are durable, waiting for the ingestion thread to commit them. */
    private final ConcurrentLinkedQueue<Map<TopicPartition, OffsetAndMetadata>> toCommit = new ConcurrentLinkedQueue<>();
    private final FirehoseListener listener;

    KafkaFirehose(KafkaFirehoseFactory spec, FirehoseListener listener) {
        Properties props = new Properties();
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-" + spec.consumerProps().get("group.id"));
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        props.putAll(spec.consumerProps());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.topic = spec.topic();
        this.listener = listener;
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(spec.topic()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                    listener.beforeRelease(names(partitions));
                    commitPending();
                }
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // positions start from the group's committed offsets (or auto.offset.reset)
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                toCommit.clear();
                listener.lost(names(partitions));
            }
        });
    }

    private static List<String> names(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::toString).toList();
    }

    @Override
    public List<RawEvent> poll(Duration maxWait) throws InterruptedException {
        try {
            commitPending();
        } catch (org.apache.kafka.clients.consumer.CommitFailedException e) {
            // this member was kicked out of the group: what it did not commit is someone else's now
            listener.lost(names(consumer.assignment()));
            rewind();
        }
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

    /** Commits, in order, the offsets whose rows became durable. Ingestion thread. */
    private void commitPending() {
        Map<TopicPartition, OffsetAndMetadata> offsets;
        while ((offsets = toCommit.poll()) != null) {
            Map<TopicPartition, OffsetAndMetadata> owned = new LinkedHashMap<>(offsets);
            owned.keySet().retainAll(consumer.assignment());
            if (owned.isEmpty()) {
                continue;
            }
            consumer.commitSync(owned);
        }
    }

    private Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        consumer.committed(Set.copyOf(partitions)).forEach((tp, o) -> offsets.put(tp, o == null ? null : o.offset()));
        return offsets;
    }

    @Override
    public Committer makeCommitter(Map<String, Long> handled) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        Map<String, Object> partitions = new LinkedHashMap<>();
        handled.forEach((name, next) -> {
            TopicPartition tp = partition(name);
            if (tp != null) {
                offsets.put(tp, new OffsetAndMetadata(next));
                partitions.put(name, next);
            }
        });
        Map<String, Object> metadata = Map.of("commitId", UUID.randomUUID().toString(), "topic", topic, "partitions", partitions);
        return new Committer() {
            @Override
            public Map<String, Object> metadata() {
                return metadata;
            }

            @Override
            public void run() {
                if (offsets.isEmpty()) {
                    return;
                }
                toCommit.add(offsets);
                if (Thread.currentThread() == owner) {
                    try {
                        commitPending();
                    } catch (org.apache.kafka.clients.consumer.CommitFailedException e) {
                        throw new CommitFencedException("Kafka refused the commit of " + offsets.keySet()
                                + ": the group rebalanced and this member no longer owns them (" + e.getMessage() + ")");
                    }
                }
            }
        };
    }

    /** {@code <topic>-<n>} of this firehose's topic, or null. */
    private TopicPartition partition(String name) {
        int dash = name.lastIndexOf('-');
        if (dash <= 0 || !name.substring(0, dash).equals(topic)) {
            return null;
        }
        try {
            return new TopicPartition(topic, Integer.parseInt(name.substring(dash + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void rewind() {
        toCommit.clear();
        Map<TopicPartition, Long> offsets = committedOffsets(consumer.assignment());
        for (TopicPartition tp : consumer.assignment()) {
            Long offset = offsets.get(tp);
            if (offset == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, offset);
            }
        }
    }

    /**
     * A commit happened if Kafka's committed offset of each of its partitions has reached it. (The
     * offset ledger will answer this exactly, by the commit's id.)
     */
    @Override
    public boolean confirms(Map<String, Object> metadata) {
        if (!(metadata.get("partitions") instanceof Map<?, ?> partitions)) {
            return false;
        }
        List<TopicPartition> asked = new ArrayList<>();
        for (Object name : partitions.keySet()) {
            TopicPartition tp = partition(String.valueOf(name));
            if (tp == null) {
                return false;
            }
            asked.add(tp);
        }
        Map<TopicPartition, OffsetAndMetadata> now = consumer.committed(Set.copyOf(asked));
        for (TopicPartition tp : asked) {
            OffsetAndMetadata offset = now.get(tp);
            long wanted = ((Number) partitions.get(tp.toString())).longValue();
            if (offset == null || offset.offset() < wanted) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            commitPending();
        } finally {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
