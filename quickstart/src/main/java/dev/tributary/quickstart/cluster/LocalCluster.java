package dev.tributary.quickstart.cluster;

import dev.tributary.core.io.FileTrees;
import dev.tributary.quickstart.cluster.ClusterProcess.Role;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Tributary cluster as local processes on 127.0.0.1, kept in one directory: a ZooKeeper server, a
 * Kafka broker, PostgreSQL or the embedded metadata store, local deep storage, realtime workers and
 * historicals, each its own JVM. Every operation reads the directory's state file, acts, and writes it
 * back, so each can run from a separate {@code tributary cluster} invocation; the processes outlive
 * the invocation that started them.
 *
 * <p>Not thread-safe; operations that change the cluster lock its directory, so concurrent invocations
 * take turns.
 */
public final class LocalCluster {
    /** Every process listens on this address only. */
    public static final String HOST = "127.0.0.1";
    /** How long a node has to persist, commit and exit after SIGTERM before it gets SIGKILL. */
    static final Duration NODE_STOP_GRACE = Duration.ofSeconds(60);
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(30);
    private static final String LOGBACK = """
            <configuration>
              <!-- Written by 'tributary cluster up' for every process of the cluster; output goes to logs/<name>.log. -->
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="dev.tributary" level="${tributary.log.level:-INFO}"/>
              <!-- consumer group joins, assignments and rebalances, on the workers and in the broker -->
              <logger name="org.apache.kafka.clients.consumer.internals.ConsumerCoordinator" level="INFO"/>
              <logger name="org.apache.kafka.coordinator.group" level="INFO"/>
              <root level="${tributary.log.rootLevel:-WARN}"><appender-ref ref="OUT"/></root>
            </configuration>
            """;

    private final ClusterLayout layout;
    private final StateFile stateFile;
    private final PrintStream out;

    private LocalCluster(Path directory, PrintStream out) {
        this.layout = new ClusterLayout(directory);
        this.stateFile = new StateFile(layout);
        this.out = out;
    }

    /** The cluster kept in {@code directory}, which need not exist before {@link #up}. Progress lines go to {@code out}. */
    public static LocalCluster in(Path directory, PrintStream out) {
        return new LocalCluster(directory, out);
    }

    /** What {@link #up} starts. */
    public record UpOptions(int workers, int historicals, int partitions, String specTemplate, MetadataDatabase.Choice metadata,
            String postgres, String workerHeap, int producerRate, long producerEvents) {
        public UpOptions {
            if (workers < 0 || historicals < 0 || partitions < 1 || producerRate < 0 || producerEvents < 0) {
                throw new LocalClusterException("workers, historicals, rate and events must be >= 0, partitions >= 1");
            }
        }
    }

    public Path directory() {
        return layout.root();
    }

    /** The state as last written. */
    public ClusterState state() {
        return stateFile.read();
    }

    /**
     * Starts ZooKeeper and Kafka, chooses the metadata store, creates the topic, then starts the
     * historicals and workers and waits until each answers; with a producer rate, starts the sample
     * producer too. A directory left by a cluster that is down is cleared first (its files and
     * database); a directory of anything else is refused. If a start fails, what was started is stopped.
     */
    public ClusterState up(UpOptions options) {
        return locked(() -> {
            prepareDirectory();
            WorkerSpecs specs = new WorkerSpecs(options.specTemplate() != null ? options.specTemplate() : WorkerSpecs.builtIn());
            Files.writeString(layout.spec(), specs.template(), StandardCharsets.UTF_8);
            Files.writeString(layout.logback(), LOGBACK, StandardCharsets.UTF_8);
            MetadataDatabase metadata = MetadataDatabase.create(options.metadata(), options.postgres(), layout.metadata());
            out.println("metadata:   " + metadata.describe());
            ClusterState state = save(ClusterState.initial(metadata, specs.topic(), options.partitions(), specs.consumerGroup(),
                    options.workerHeap()));
            try {
                state = startServices(state);
                state = startNodes(state, specs, options.historicals(), options.workers());
                if (options.producerRate() > 0) {
                    ClusterProcess producer = launcher(state).startProducer(options.producerRate(),
                            options.producerEvents() == 0 ? Long.MAX_VALUE : options.producerEvents());
                    state = save(state.added(producer));
                    out.println("producer:   " + options.producerRate() + " sample events/s into topic " + state.topic());
                }
                return state;
            } catch (RuntimeException e) {
                out.println("start-up failed; stopping what was started (logs stay in " + layout.root().resolve("logs") + ")");
                stopAll(stateFile.read());
                throw e;
            }
        });
    }

    /** Starts {@code count} more workers and waits until each answers. */
    public List<ClusterProcess> addWorkers(int count) {
        return locked(() -> {
            ClusterState state = requireServices(stateFile.read());
            WorkerSpecs specs = new WorkerSpecs(Files.readString(layout.spec(), StandardCharsets.UTF_8));
            ClusterState after = startNodes(state, specs, 0, count);
            return after.processes().subList(state.processes().size(), after.processes().size());
        });
    }

    /** Starts one more historical and waits until it answers. */
    public ClusterProcess addHistorical() {
        return locked(() -> {
            ClusterState state = requireServices(stateFile.read());
            ClusterState after = startNodes(state, null, 1, 0);
            return after.processes().get(after.processes().size() - 1);
        });
    }

    /**
     * Takes a worker out of the cluster for good, without losing what it ingested (see
     * {@link WorkerRemoval}).
     *
     * @param name the worker, or null for the one started last
     * @param drainTimeout how long to wait for the handoffs of a worker restarted to drain; past it, it is left draining
     * @return the worker as it ended: stopped, or still draining
     */
    public ClusterProcess removeWorker(String name, Duration drainTimeout) {
        return locked(() -> {
            ClusterState state = requireServices(stateFile.read());
            WorkerSpecs specs = new WorkerSpecs(Files.readString(layout.spec(), StandardCharsets.UTF_8));
            return new WorkerRemoval(state, launcher(state), specs, this::save, out).remove(name, drainTimeout);
        });
    }

    /**
     * Stops every process the cluster started: the producer, then the nodes (SIGTERM: they persist,
     * commit and leave ZooKeeper; SIGKILL after {@link #NODE_STOP_GRACE}), then Kafka, then ZooKeeper.
     *
     * @param clean also drop the PostgreSQL database and delete the directory, logs included
     * @return the processes that were still running
     */
    public List<ClusterProcess> down(boolean clean) {
        return locked(() -> {
            ClusterState state = stateFile.read();
            List<ClusterProcess> running = state.processes(JavaProcesses::isAlive);
            stopAll(state);
            if (clean) {
                state.metadata().drop();
                FileTrees.deleteRecursively(layout.root());
            }
            return running;
        });
    }

    /** A report of every process and what each node says about itself (see {@link StatusReport}). */
    public String status() {
        return StatusReport.render(layout.root(), stateFile.read());
    }

    /** The cluster's Kafka {@code bootstrap.servers} and topic, for producers. */
    public ClusterState requireRunning() {
        return requireServices(stateFile.read());
    }

    private ClusterState startServices(ClusterState state) {
        Classpaths classpaths = Classpaths.current();
        ClusterProcess zooKeeper = ZooKeeperService.start(layout, classpaths);
        state = save(state.added(zooKeeper));
        out.println("zookeeper:  " + HOST + ":" + zooKeeper.port() + " (pid " + zooKeeper.pid() + ")");
        ClusterProcess kafka = KafkaService.start(layout, classpaths);
        state = save(state.added(kafka).withServices(HOST + ":" + zooKeeper.port(), KafkaService.bootstrap(kafka)));
        out.println("kafka:      " + state.bootstrap() + " (pid " + kafka.pid() + ")");
        try (ClusterKafka admin = new ClusterKafka(state.bootstrap())) {
            admin.createTopic(state.topic(), state.partitions());
            admin.createTopic(state.drainTopic(), 1);
        }
        out.println("topic:      " + state.topic() + " (" + state.partitions() + " partitions)");
        return state;
    }

    /** Starts the nodes together, recording each at once (so {@code down} finds it), then waits for all. */
    private ClusterState startNodes(ClusterState state, WorkerSpecs specs, int historicals, int workers) {
        NodeLauncher launcher = launcher(state);
        List<ClusterProcess> started = new ArrayList<>();
        for (int i = 0; i < historicals; i++) {
            ClusterProcess node = launcher.startHistorical("historical-" + (state.historicalsStarted() + 1));
            state = save(state.added(node));
            started.add(node);
        }
        for (int i = 0; i < workers; i++) {
            ClusterProcess node = launcher.startWorker("worker-" + (state.workersStarted() + 1), specs);
            state = save(state.added(node));
            started.add(node);
        }
        NodeLauncher.awaitHealthy(started);
        for (ClusterProcess node : started) {
            out.println(node.name() + ": " + node.url() + " (pid " + node.pid() + ")");
        }
        return state;
    }

    private NodeLauncher launcher(ClusterState state) {
        return new NodeLauncher(layout, Classpaths.current(), state, state.workerHeap());
    }

    private ClusterState save(ClusterState state) {
        stateFile.write(state);
        return state;
    }

    private static ClusterState requireServices(ClusterState state) {
        for (Role role : List.of(Role.ZOOKEEPER, Role.KAFKA)) {
            if (state.withRole(role).stream().noneMatch(JavaProcesses::isAlive)) {
                throw new LocalClusterException("the cluster's " + role.label() + " is not running (is the cluster up?)");
            }
        }
        return state;
    }

    private void stopAll(ClusterState state) {
        JavaProcesses.signalAndWait(state.withRole(Role.PRODUCER), Duration.ofSeconds(10));
        JavaProcesses.signalAndWait(state.processes(p -> p.role().isNode()), NODE_STOP_GRACE);
        JavaProcesses.signalAndWait(state.withRole(Role.KAFKA), SERVICE_STOP_GRACE);
        JavaProcesses.signalAndWait(state.withRole(Role.ZOOKEEPER), SERVICE_STOP_GRACE);
    }

    /**
     * Makes the directory ready for a new cluster: a stopped cluster's files and database go; a running
     * cluster, or a directory that holds something else, is refused.
     */
    private void prepareDirectory() throws IOException {
        Path root = layout.root();
        if (stateFile.exists()) {
            ClusterState old = stateFile.read();
            List<ClusterProcess> running = old.processes(JavaProcesses::isAlive);
            if (!running.isEmpty()) {
                throw new LocalClusterException("a cluster is running in " + root + " (" + running.size()
                        + " processes); stop it first with: cluster down --dir " + root);
            }
            out.println("clearing the stopped cluster in " + root);
            try {
                old.metadata().drop();
            } catch (RuntimeException e) {
                out.println("could not drop the old cluster's database: " + e.getMessage());
            }
            deleteAllButTheLock(root);
        } else if (Files.isDirectory(root)) {
            try (Stream<Path> entries = Files.list(root)) {
                if (entries.anyMatch(p -> !p.equals(layout.lockFile()))) {
                    throw new LocalClusterException(root + " is not empty and holds no cluster; choose another --dir");
                }
            }
        }
        Files.createDirectories(root);
    }

    /** Deletes everything under {@code root} but the lock file this command holds. */
    private void deleteAllButTheLock(Path root) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(root)) {
            entries = list.filter(p -> !p.equals(layout.lockFile())).toList();
        }
        for (Path entry : entries) {
            FileTrees.deleteRecursively(entry);
        }
    }

    private interface Operation<T> {
        T run() throws Exception;
    }

    private <T> T locked(Operation<T> operation) {
        try (AutoCloseable lock = stateFile.lock()) {
            return operation.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new LocalClusterException(e.getMessage(), e);
        }
    }
}
