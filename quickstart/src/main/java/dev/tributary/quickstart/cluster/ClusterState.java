package dev.tributary.quickstart.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a local cluster is, as kept in {@code cluster.json} between {@code tributary cluster}
 * invocations: where its services listen, which metadata store it uses, and the processes it started
 * (stopped ones included until {@code down}). Immutable; each change returns a new state.
 *
 * @param zooKeeper ZooKeeper's connect string
 * @param bootstrap Kafka's {@code bootstrap.servers}
 * @param metadata the metadata store every node shares
 * @param topic the topic the workers read
 * @param partitions how many partitions {@code up} gave it
 * @param drainTopic an empty topic that a draining worker reads, so that it ingests nothing
 * @param consumerGroup the workers' Kafka {@code group.id}
 * @param workerHeap the workers' {@code -Xmx}, e.g. {@code 1g}
 * @param workersStarted how many workers were ever added; names are never reused
 * @param historicalsStarted how many historicals were ever added
 * @param processes every process started, in start order
 */
public record ClusterState(String zooKeeper, String bootstrap, MetadataDatabase metadata, String topic, int partitions,
        String drainTopic, String consumerGroup, String workerHeap, int workersStarted, int historicalsStarted,
        List<ClusterProcess> processes) {

    public ClusterState {
        Objects.requireNonNull(metadata, "metadata");
        processes = List.copyOf(processes);
    }

    /** A state without processes yet. */
    static ClusterState initial(MetadataDatabase metadata, String topic, int partitions, String consumerGroup, String workerHeap) {
        return new ClusterState(null, null, metadata, topic, partitions, topic + "-drain", consumerGroup, workerHeap, 0, 0, List.of());
    }

    ClusterState withServices(String zooKeeper, String bootstrap) {
        return new ClusterState(zooKeeper, bootstrap, metadata, topic, partitions, drainTopic, consumerGroup, workerHeap,
                workersStarted, historicalsStarted, processes);
    }

    /** Adds a newly started process; a worker or historical counts towards the next name. */
    ClusterState added(ClusterProcess process) {
        if (find(process.name()).isPresent()) {
            throw new IllegalStateException("the cluster has a process named " + process.name() + " already");
        }
        List<ClusterProcess> next = new ArrayList<>(processes);
        next.add(process);
        int workers = workersStarted + (process.role() == ClusterProcess.Role.WORKER ? 1 : 0);
        int historicals = historicalsStarted + (process.role() == ClusterProcess.Role.HISTORICAL ? 1 : 0);
        return new ClusterState(zooKeeper, bootstrap, metadata, topic, partitions, drainTopic, consumerGroup, workerHeap,
                workers, historicals, next);
    }

    /** Puts {@code process} in the place of the process of the same name (a worker restarted to drain). */
    ClusterState replaced(ClusterProcess process) {
        List<ClusterProcess> next = processes.stream().map(p -> p.name().equals(process.name()) ? process : p).toList();
        return new ClusterState(zooKeeper, bootstrap, metadata, topic, partitions, drainTopic, consumerGroup, workerHeap,
                workersStarted, historicalsStarted, next);
    }

    ClusterState without(String name) {
        List<ClusterProcess> next = new ArrayList<>(processes);
        next.removeIf(p -> p.name().equals(name));
        return new ClusterState(zooKeeper, bootstrap, metadata, topic, partitions, drainTopic, consumerGroup, workerHeap,
                workersStarted, historicalsStarted, next);
    }

    Optional<ClusterProcess> find(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    List<ClusterProcess> processes(Predicate<ClusterProcess> which) {
        return processes.stream().filter(which).toList();
    }

    List<ClusterProcess> withRole(ClusterProcess.Role role) {
        return processes(p -> p.role() == role);
    }
}
