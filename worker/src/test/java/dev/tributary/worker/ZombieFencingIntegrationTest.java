package dev.tributary.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tributary.core.spi.CommitFencedException;
import dev.tributary.core.spi.Committer;
import dev.tributary.core.spi.Firehose;
import dev.tributary.core.spi.FirehoseContext;
import dev.tributary.core.spi.FirehoseListener;
import dev.tributary.core.spi.RawEvent;
import dev.tributary.kafka.KafkaFirehoseFactory;
import dev.tributary.testing.EmbeddedSqlExtension;
import dev.tributary.testing.KafkaBrokerExtension;
import dev.tributary.worker.metadata.LedgerPositions;
import dev.tributary.worker.metadata.MetadataStore;
import dev.tributary.worker.metadata.MetadataStoreConfig;
import dev.tributary.worker.metadata.MetadataStoreConfig.StorageType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Zombie fencing with a real broker and the real offset ledger: a worker that stops polling past its
 * poll interval is evicted, another claims its partitions (raising their epochs), and the evicted
 * worker's late commit is refused by the ledger and changes nothing, while the new owner commits.
 * The zombie then learns its partitions were lost.
 */
class ZombieFencingIntegrationTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    @RegisterExtension
    static final EmbeddedSqlExtension SQL = new EmbeddedSqlExtension();

    /** Records what a firehose tells its owner. */
    private static final class Recording implements FirehoseListener {
        final List<String> lost = new CopyOnWriteArrayList<>();

        @Override
        public void beforeRelease(Collection<String> partitions) {
        }

        @Override
        public void lost(Collection<String> partitions) {
            lost.addAll(partitions);
        }
    }

    private static KafkaFirehoseFactory factory(String topic, String group, int maxPollMillis) {
        return new KafkaFirehoseFactory(topic, Map.of("bootstrap.servers", KAFKA.bootstrapServers(), "group.id", group,
                "max.poll.interval.ms", Integer.toString(maxPollMillis), "session.timeout.ms", "6000",
                "heartbeat.interval.ms", "500"));
    }

    /** Polls until the firehose has read {@code count} events; returns the next position per partition. */
    private static Map<String, Long> readAll(Firehose firehose, int count) {
        Map<String, Long> handled = new HashMap<>();
        int[] read = {0};
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (RawEvent event : firehose.poll(Duration.ofMillis(200))) {
                handled.put(event.partition(), event.offset() + 1);
                read[0]++;
            }
            return read[0] >= count;
        });
        return handled;
    }

    @Test
    void shouldRefuseTheLateCommitOfAnEvictedWorkerAndKeepTheNewOwners() throws Exception {
        String topic = KAFKA.createTopic("zombie", 2);
        String group = topic + "-group";
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (var producer = new KafkaProducer<byte[], byte[]>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 100; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, null, ("{\"i\": " + i + "}").getBytes(StandardCharsets.UTF_8)));
            }
        }
        MetadataStoreConfig config = new MetadataStoreConfig(StorageType.EMBEDDED, SQL.jdbcUrl(), SQL.user(), SQL.password(), "tributary");
        try (MetadataStore store = MetadataStore.open(config)) {
            LedgerPositions ledger = new LedgerPositions(store.offsetLedger());
            Recording zombieListener = new Recording();
            Firehose zombie = factory(topic, group, 3000).connect(new FirehoseContext(zombieListener, ledger, "zombie"));
            Map<String, Long> zombieRead = readAll(zombie, 100);
            Committer late = zombie.makeCommitter(zombieRead); // taken, but the zombie pauses before running it

            Firehose owner = factory(topic, group, 60_000).connect(new FirehoseContext(new Recording(), ledger, "owner"));
            Map<String, Long> ownerRead = readAll(owner, 100); // the zombie is evicted; the owner claims both partitions
            assertThat(ownerRead).isEqualTo(zombieRead);

            assertThatThrownBy(late::run).isInstanceOf(CommitFencedException.class).hasMessageContaining("EPOCH_MOVED_ON");
            assertThat(ledger.committed(group, topic)).as("the refused commit moved nothing").isEmpty();
            assertThat(zombie.confirms(late.metadata())).isFalse();

            Committer current = owner.makeCommitter(ownerRead);
            current.run();
            assertThat(ledger.committed(group, topic)).containsEntry(0, 50L).containsEntry(1, 50L);
            assertThat(owner.confirms(current.metadata())).isTrue();

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                zombie.poll(Duration.ofMillis(200));
                return !zombieListener.lost.isEmpty();
            });
            assertThat(zombieListener.lost).contains(topic + "-0", topic + "-1");
            owner.close();
            zombie.close();
        }
    }
}
