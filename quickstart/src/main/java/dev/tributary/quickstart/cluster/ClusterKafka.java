package dev.tributary.quickstart.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownMemberIdException;

/** What the cluster asks of its Kafka broker, through an Admin client. Use from one thread, then close. */
final class ClusterKafka implements AutoCloseable {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;

    ClusterKafka(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(CALL_TIMEOUT.toMillis()),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000"));
    }

    /** Returns once the broker has registered and answers metadata requests. */
    void awaitReady(Duration timeout) {
        Waits.until("Kafka to answer", timeout, () -> {
            try {
                return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
            } catch (ExecutionException | TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalClusterException("interrupted", e);
            }
        }, () -> null);
    }

    /** Creates a topic (replication factor 1) unless it exists. */
    void createTopic(String name, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new LocalClusterException("cannot create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new LocalClusterException("creating topic " + name + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalClusterException("interrupted", e);
        }
    }

    /**
     * Removes a static member ({@code group.instance.id}) from its consumer group, if it is still in
     * it. A worker that stops cleanly leaves on its own; one that was killed, or crashed, stays a
     * member until its session times out, and its partitions would wait that long. A worker that is
     * gone for good is removed, so the group hands its partitions to the others at once.
     */
    void removeStaticMember(String group, String instanceId) {
        try {
            admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions(
                    List.of(new MemberToRemove(instanceId)))).all().get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownMemberIdException || e.getCause() instanceof GroupIdNotFoundException)) {
                throw new LocalClusterException("cannot remove " + instanceId + " from consumer group " + group + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new LocalClusterException("removing " + instanceId + " from consumer group " + group + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalClusterException("interrupted", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
