package dev.tributary.kafka;

import dev.tributary.core.spi.CommitFencedException;
import dev.tributary.core.spi.Committer;
import dev.tributary.core.spi.Firehose;
import dev.tributary.core.spi.FirehoseContext;
import dev.tributary.core.spi.FirehoseListener;
import dev.tributary.core.spi.PositionLedger;
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
 * <p>With a {@link PositionLedger} (the node's metadata store), the ledger is the record: assigned
 * partitions are claimed (their epochs raised) and start from the ledger's positions; a committer
 * first commits to the ledger as a compare-and-set on (epoch, previous position), synchronously, and
 * a refusal is a {@link CommitFencedException}; Kafka's committed offsets then mirror the ledger for
 * lag tools. Without a ledger, Kafka's committed offsets are the record.
 *
 * <p>Threading: like {@link KafkaConsumer}, used by the one ingestion thread only, except
 * {@link Committer#run}, which may come from the plumber's persist thread.
 */
final class KafkaFirehose implements Firehose {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Thread ingestionThread = Thread.currentThread();
    /** Offsets whose rows are durable, waiting for the ingestion thread to commit them. */
    private final ConcurrentLinkedQueue<Map<TopicPartition, OffsetAndMetadata>> toCommit = new ConcurrentLinkedQueue<>();
    private final FirehoseListener listener;
    /** Null: Kafka's committed offsets are the record. */
    private final PositionLedger ledger;
    private final String owner;
    private final String group;
    /** Per owned partition, the epoch of this member's claim and the ledger position it last committed. */
    private final Map<Integer, PositionLedger.Claim> claims = new java.util.concurrent.ConcurrentHashMap<>();

    KafkaFirehose(KafkaFirehoseFactory spec, FirehoseContext context) {
        this.listener = context.listener();
        this.ledger = context.ledger();
        this.owner = context.owner();
        this.group = String.valueOf(spec.consumerProps().get("group.id"));
        Properties props = new Properties();
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-" + spec.consumerProps().get("group.id"));
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        props.putAll(spec.consumerProps());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.topic = spec.topic();
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(spec.topic()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                    listener.beforeRelease(names(partitions));
                    commitPending();
                    partitions.forEach(tp -> claims.remove(tp.partition()));
                }
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (ledger != null && !partitions.isEmpty()) {
                    claim(partitions);
                }
                // without a ledger, positions start from the group's committed offsets (or auto.offset.reset)
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                toCommit.clear();
                partitions.forEach(tp -> claims.remove(tp.partition()));
                listener.lost(names(partitions));
            }
        });
    }

    /** Claims partitions in the ledger (raising their epochs) and starts each from its ledger position. */
    private void claim(Collection<TopicPartition> partitions) {
        List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
        Map<Integer, PositionLedger.Claim> claimed = ledger.claim(group, topic, numbers, owner);
        for (TopicPartition tp : partitions) {
            PositionLedger.Claim claim = claimed.get(tp.partition());
            claims.put(tp.partition(), claim);
            if (claim.committed() != null) {
                consumer.seek(tp, claim.committed());
            }
            // never committed in the ledger: start where Kafka would (its committed offset, else auto.offset.reset)
        }
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

    /**
     * Commits to Kafka, in order, the offsets whose rows became durable. Ingestion thread. With a
     * ledger these commits only mirror it for lag tools, so a refusal (a rebalance under way, this
     * member evicted) is skipped: the next commit carries newer offsets. Without a ledger Kafka is the
     * record: offsets refused during a rebalance stay queued for the next poll, and an eviction is
     * thrown, to be handled as lost partitions.
     */
    private void commitPending() {
        Map<TopicPartition, OffsetAndMetadata> offsets;
        while ((offsets = toCommit.peek()) != null) {
            Map<TopicPartition, OffsetAndMetadata> owned = new LinkedHashMap<>(offsets);
            owned.keySet().retainAll(consumer.assignment());
            if (!owned.isEmpty()) {
                try {
                    consumer.commitSync(owned);
                } catch (org.apache.kafka.common.errors.RebalanceInProgressException e) {
                    if (ledger == null) {
                        return;
                    }
                } catch (org.apache.kafka.clients.consumer.CommitFailedException e) {
                    if (ledger == null) {
                        throw e;
                    }
                }
            }
            toCommit.poll();
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
                if (ledger != null) {
                    commitToLedger(offsets, (String) metadata.get("commitId"));
                }
                toCommit.add(offsets);
                if (Thread.currentThread() == ingestionThread) {
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

    /**
     * The ledger commit: a compare-and-set of every partition on (this member's epoch, the position it
     * last committed), all or none. Runs on the persist thread; the claims map is concurrent.
     */
    private void commitToLedger(Map<TopicPartition, OffsetAndMetadata> offsets, String commitId) {
        Map<Integer, PositionLedger.PartitionCommit> commits = new java.util.TreeMap<>();
        for (var entry : offsets.entrySet()) {
            PositionLedger.Claim claim = claims.get(entry.getKey().partition());
            if (claim == null) {
                throw new CommitFencedException("partition " + entry.getKey() + " is no longer assigned to this member");
            }
            commits.put(entry.getKey().partition(),
                    new PositionLedger.PartitionCommit(claim.epoch(), claim.committed(), entry.getValue().offset()));
        }
        String refused = ledger.commit(group, topic, commits, commitId);
        if (refused != null) {
            throw new CommitFencedException("the offset ledger refused the commit: " + refused);
        }
        commits.forEach((partition, commit) -> claims.computeIfPresent(partition,
                (p, claim) -> claim.epoch() == commit.epoch() ? new PositionLedger.Claim(claim.epoch(), commit.next()) : claim));
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
        Map<TopicPartition, Long> offsets = ledger == null ? committedOffsets(consumer.assignment()) : ledgerOffsets();
        Map<TopicPartition, Long> kafka = ledger == null ? offsets : committedOffsets(consumer.assignment());
        for (TopicPartition tp : consumer.assignment()) {
            Long offset = offsets.get(tp) != null ? offsets.get(tp) : kafka.get(tp);
            if (offset == null) {
                consumer.seekToBeginning(List.of(tp)); // nothing committed anywhere: from the start
            } else {
                consumer.seek(tp, offset);
            }
        }
    }

    private Map<TopicPartition, Long> ledgerOffsets() {
        Map<Integer, Long> committed = ledger.committed(group, topic);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            Long offset = committed.get(tp.partition());
            PositionLedger.Claim claim = claims.get(tp.partition());
            if (claim != null) {
                claims.put(tp.partition(), new PositionLedger.Claim(claim.epoch(), offset));
            }
            offsets.put(tp, offset);
        }
        return offsets;
    }

    /**
     * With a ledger, a commit happened if the ledger holds its id. Without one, if Kafka's committed
     * offset of each of its partitions has reached it. (The
     * offset ledger will answer this exactly, by the commit's id.)
     */
    @Override
    public boolean confirms(Map<String, Object> metadata) {
        if (ledger != null) {
            return metadata.get("commitId") instanceof String id && ledger.isCommitted(id);
        }
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
    public Map<String, Long> lag() {
        Map<String, Long> lags = new java.util.TreeMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            consumer.currentLag(tp).ifPresent(lag -> lags.put(tp.toString(), lag));
        }
        return lags;
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
