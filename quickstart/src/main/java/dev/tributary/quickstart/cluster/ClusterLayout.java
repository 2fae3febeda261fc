package dev.tributary.quickstart.cluster;

import java.nio.file.Path;

/**
 * Where a local cluster keeps its files, all under one directory:
 *
 * <pre>
 * cluster.json            the state: services, metadata store, processes (pids, ports)
 * logback.xml             the logging of every process
 * spec.json               the workers' ingestion spec, as given to {@code up}
 * logs/&lt;name&gt;.log         each process's output
 * zookeeper/              zoo.cfg and data
 * kafka/                  server.properties and the broker's log directory
 * metadata/               the embedded metadata store (when PostgreSQL is not used)
 * deep-storage/           local deep storage, shared by every node
 * nodes/&lt;name&gt;/           a worker's or historical's runtime.properties, spec, persist directory or segment cache
 * </pre>
 */
record ClusterLayout(Path root) {
    ClusterLayout {
        root = root.toAbsolutePath().normalize();
    }

    Path stateFile() {
        return root.resolve("cluster.json");
    }

    Path lockFile() {
        return root.resolve(".lock");
    }

    Path logback() {
        return root.resolve("logback.xml");
    }

    Path spec() {
        return root.resolve("spec.json");
    }

    Path log(String name) {
        return root.resolve("logs").resolve(name + ".log");
    }

    Path zooKeeper() {
        return root.resolve("zookeeper");
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path metadata() {
        return root.resolve("metadata");
    }

    Path deepStorage() {
        return root.resolve("deep-storage");
    }

    Path node(String name) {
        return root.resolve("nodes").resolve(name);
    }
}
