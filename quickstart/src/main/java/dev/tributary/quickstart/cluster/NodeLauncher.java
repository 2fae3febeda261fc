package dev.tributary.quickstart.cluster;

import dev.tributary.worker.cluster.ZooKeeperConfig;
import dev.tributary.worker.config.DeepStorageConfig;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.historical.HistoricalConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Starts Tributary nodes as their own JVMs, each {@code tributary server realtime|historical} with a
 * runtime.properties written into its directory under {@code nodes/}. Every node shares the cluster's
 * ZooKeeper, metadata store and local deep storage, and listens on 127.0.0.1 only.
 */
final class NodeLauncher {
    static final String MAIN_CLASS = "dev.tributary.quickstart.QuickstartMain";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final ClusterLayout layout;
    private final Classpaths classpaths;
    private final ClusterState state;
    private final String workerHeap;

    NodeLauncher(ClusterLayout layout, Classpaths classpaths, ClusterState state, String workerHeap) {
        this.layout = layout;
        this.classpaths = classpaths;
        this.state = state;
        this.workerHeap = workerHeap;
    }

    /** Starts a worker reading the cluster's topic; it is healthy (not yet assigned partitions) when started. */
    ClusterProcess startWorker(String name, WorkerSpecs specs) {
        String spec = specs.forWorker(state.bootstrap(), persistDirectory(name), name);
        return startRealtime(name, ClusterProcess.Role.WORKER, FreePorts.pick(), layout.node(name), spec);
    }

    /** Restarts a stopped worker on its persist directory with nothing to read, to hand off what it persisted. */
    ClusterProcess startDrain(ClusterProcess worker, WorkerSpecs specs) {
        String spec = specs.forDrain(state.bootstrap(), persistDirectory(worker.name()), state.drainTopic(), worker.name());
        return startRealtime(worker.name(), ClusterProcess.Role.DRAINING_WORKER, worker.port(), layout.node(worker.name()), spec);
    }

    /** The worker's {@code basePersistDirectory}, kept across its restarts. */
    Path persistDirectory(String worker) {
        return layout.node(worker).resolve("persist");
    }

    ClusterProcess startHistorical(String name) {
        Path dir = layout.node(name);
        int port = FreePorts.pick();
        Properties props = common(port);
        props.setProperty(HistoricalConfig.CACHE_DIRECTORY.name(), dir.resolve("segment-cache").toString());
        props.setProperty(HistoricalConfig.POLL_PERIOD_MILLIS.name(), "1000");
        Path config = write(props, dir.resolve("runtime.properties"));
        return launch(name, ClusterProcess.Role.HISTORICAL, port, dir, List.of("-Xmx512m", "-XX:+UseSerialGC"),
                List.of("server", "historical", "--config", config.toString()));
    }

    /**
     * Starts {@code tributary cluster produce} in the background: sample edits into the cluster's topic
     * at {@code rate} events per second until {@code events} were sent.
     */
    ClusterProcess startProducer(int rate, long events) {
        return JavaProcesses.start("producer", ClusterProcess.Role.PRODUCER, 0, jvm(List.of("-Xmx256m", "-XX:+UseSerialGC")),
                classpaths.node(), MAIN_CLASS, List.of("cluster", "produce", "--dir", layout.root().toString(),
                        "--rate", Integer.toString(rate), "--events", Long.toString(events)),
                layout.log("producer"), layout.root());
    }

    /** Waits until each node answers {@code /status/health}. */
    static void awaitHealthy(List<ClusterProcess> nodes) {
        for (ClusterProcess node : nodes) {
            Waits.until(node.name() + " to answer on " + node.url(), STARTUP_TIMEOUT, () -> NodeHttp.healthy(node.port()),
                    () -> JavaProcesses.isAlive(node) ? null
                            : node.name() + " exited; its log (" + node.log() + ") ends with:\n" + JavaProcesses.tail(node.log(), 30));
        }
    }

    private ClusterProcess startRealtime(String name, ClusterProcess.Role role, int port, Path dir, String spec) {
        Path config = write(common(port), dir.resolve("runtime.properties"));
        Path specFile = dir.resolve(role == ClusterProcess.Role.WORKER ? "spec.json" : "drain-spec.json");
        try {
            Files.createDirectories(dir);
            Files.writeString(specFile, spec, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + specFile + ": " + e.getMessage(), e);
        }
        return launch(name, role, port, dir, List.of("-Xmx" + workerHeap, "-XX:+UseParallelGC"),
                List.of("server", "realtime", "--config", config.toString(), "--spec", specFile.toString()));
    }

    private ClusterProcess launch(String name, ClusterProcess.Role role, int port, Path dir, List<String> heap, List<String> args) {
        return JavaProcesses.start(name, role, port, jvm(heap), classpaths.node(), MAIN_CLASS, args, layout.log(name), dir);
    }

    private List<String> jvm(List<String> heap) {
        List<String> options = new ArrayList<>(heap);
        options.add("-Dlogback.configurationFile=" + layout.logback());
        return options;
    }

    private Properties common(int port) {
        Properties props = new Properties();
        props.setProperty(NodeConfig.HOST.name(), LocalCluster.HOST);
        props.setProperty(NodeConfig.BIND_HOST.name(), LocalCluster.HOST);
        props.setProperty(NodeConfig.PORT.name(), Integer.toString(port));
        props.setProperty(ZooKeeperConfig.CONNECT_STRING.name(), state.zooKeeper());
        props.setProperty(DeepStorageConfig.TYPE.name(), "local");
        props.setProperty(DeepStorageConfig.STORAGE_DIRECTORY.name(), layout.deepStorage().toString());
        state.metadata().addTo(props);
        return props;
    }

    private static Path write(Properties props, Path file) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                props.store(out, "Written by 'tributary cluster'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
