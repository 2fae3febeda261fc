package dev.tributary.quickstart.cluster;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One process the local cluster started, as recorded in its state file: enough for a later
 * {@code tributary cluster} invocation to find it, query it and stop it.
 *
 * @param name unique within the cluster, e.g. {@code worker-2}; also the worker's {@code group.instance.id}
 * @param role what it runs
 * @param pid the operating system's process id
 * @param startMillis when the process started (epoch millis), so that a recycled pid is never taken for it
 * @param port its HTTP port (nodes), client port (ZooKeeper) or broker port (Kafka); 0 for the producer
 * @param log the file its standard output and error go to
 */
public record ClusterProcess(String name, Role role, long pid, long startMillis, int port, Path log) {

    /** What a cluster process runs. */
    public enum Role {
        ZOOKEEPER, KAFKA, WORKER,
        /**
         * A removed worker that stopped with sinks left on disk, restarted without input to hand them off
         * before it stops for good.
         */
        DRAINING_WORKER,
        HISTORICAL, PRODUCER;

        /** The lower-case name shown by {@code status}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }

        /** Whether it is a Tributary node with an HTTP API. */
        public boolean isNode() {
            return this == WORKER || this == DRAINING_WORKER || this == HISTORICAL;
        }
    }

    public ClusterProcess {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(log, "log");
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive: " + pid);
        }
    }

    /** The node's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://" + LocalCluster.HOST + ":" + port;
    }
}
