package dev.tributary.embedded;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The Admin client an embedded broker uses on itself: readiness checks and topic creation. Thread-safe. */
final class BrokerAdmin implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LEADER_POLL_INTERVAL = Duration.ofMillis(20);

    private final Admin admin;
    private final String bootstrapServers;

    BrokerAdmin(String bootstrapServers, Duration startupTimeout) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "tributary-embedded-admin",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) startupTimeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis()));
    }

    /** Waits until the broker answers; the Admin client retries internally, so one call is the whole wait. */
    void awaitReady(Duration timeout) {
        DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs((int) timeout.toMillis());
        int nodes = get(admin.describeCluster(options).nodes(), timeout,
                "Embedded Kafka broker at " + bootstrapServers + " did not become ready within " + timeout).size();
        if (nodes != 1) {
            throw new IllegalStateException("Embedded Kafka broker at " + bootstrapServers
                    + " reports " + nodes + " nodes instead of 1");
        }
    }

    void createTopic(String name, int partitions) {
        String failure = "Could not create topic " + name + " with " + partitions + " partitions on " + bootstrapServers;
        get(admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all(), REQUEST_TIMEOUT, failure);
        awaitLeaders(name, failure);
    }

    /**
     * The controller acknowledges a new topic before the broker's metadata cache has it; until
     * then the broker answers "unknown topic" to Admin calls that do not retry. Waiting here lets
     * every client use the topic as soon as {@link #createTopic} returns.
     */
    private void awaitLeaders(String name, String failure) {
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos();
        while (!everyPartitionHasALeader(name, failure)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure + ": its partitions got no leader within " + REQUEST_TIMEOUT);
            }
            pause();
        }
    }

    private boolean everyPartitionHasALeader(String name, String failure) {
        try {
            TopicDescription description =
                    get(admin.describeTopics(List.of(name)).topicNameValues().get(name), REQUEST_TIMEOUT, failure);
            return description.partitions().stream().allMatch(partition -> partition.leader() != null);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    private static void pause() {
        try {
            // A short fixed pause: metadata propagation inside one process takes milliseconds.
            TimeUnit.MILLISECONDS.sleep(LEADER_POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a topic's leaders", e);
        }
    }

    private static <T> T get(KafkaFuture<T> future, Duration timeout, String failure) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(failure + ": interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(failure, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(failure, e);
        }
    }

    @Override
    public void close() {
        admin.close(REQUEST_TIMEOUT);
    }

    void closeNow() {
        admin.close(Duration.ZERO);
    }
}
