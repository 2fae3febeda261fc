package dev.tributary.quickstart.cluster;

import dev.tributary.quickstart.SampleProducer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tributary cluster}: a Tributary cluster as local processes, without Docker. Each subcommand
 * works on the cluster kept in {@code --dir}, so they can run one after another from a shell.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Run a cluster as local processes on 127.0.0.1: ZooKeeper, Kafka, PostgreSQL or the embedded "
                + "metadata store, local deep storage, realtime workers and historicals, each its own JVM.",
        subcommands = {ClusterCommand.Up.class, ClusterCommand.Down.class, ClusterCommand.AddWorker.class,
            ClusterCommand.RemoveWorker.class, ClusterCommand.AddHistorical.class, ClusterCommand.Status.class,
            ClusterCommand.Produce.class})
public final class ClusterCommand {
    private static final PrintStream OUT = System.out;

    /** The {@code --dir} every subcommand takes. */
    static final class Directory {
        @Option(names = "--dir", defaultValue = "var/cluster",
                description = "the cluster's directory: state, logs and data (default ${DEFAULT-VALUE})")
        Path dir;

        LocalCluster cluster() {
            return LocalCluster.in(dir, OUT);
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Start ZooKeeper, Kafka, the historicals and the workers, and wait until each answers.")
    static final class Up implements Callable<Integer> {
        @Mixin Directory directory;

        @Option(names = "--workers", defaultValue = "2", description = "realtime workers (default ${DEFAULT-VALUE})")
        int workers;

        @Option(names = "--historicals", defaultValue = "1", description = "historical nodes (default ${DEFAULT-VALUE})")
        int historicals;

        @Option(names = "--partitions", defaultValue = "6", description = "partitions of the topic (default ${DEFAULT-VALUE})")
        int partitions;

        @Option(names = "--spec", description = "the workers' spec (kafka firehose); default: the quickstart's Wikipedia spec")
        Path spec;

        @Option(names = "--metadata", defaultValue = "AUTO",
                description = "metadata store: AUTO (PostgreSQL if it answers, else embedded), POSTGRESQL or EMBEDDED")
        MetadataDatabase.Choice metadata;

        @Option(names = "--postgres", defaultValue = "127.0.0.1:5432",
                description = "PostgreSQL's host:port (user postgres, trust authentication; default ${DEFAULT-VALUE})")
        String postgres;

        @Option(names = "--worker-heap", defaultValue = "1g", description = "each worker's -Xmx (default ${DEFAULT-VALUE})")
        String workerHeap;

        @Option(names = "--rate", defaultValue = "0",
                description = "start a producer of sample events at this many per second (default: no producer)")
        int rate;

        @Option(names = "--events", defaultValue = "0", description = "the producer stops after this many events (default: never)")
        long events;

        @Override
        public Integer call() throws IOException {
            String template = spec == null ? null : Files.readString(spec, StandardCharsets.UTF_8);
            LocalCluster cluster = directory.cluster();
            cluster.up(new LocalCluster.UpOptions(workers, historicals, partitions, template, metadata, postgres, workerHeap,
                    rate, events));
            OUT.println();
            OUT.print(cluster.status());
            return 0;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Stop every process of the cluster: SIGTERM, then SIGKILL after a grace period.")
    static final class Down implements Callable<Integer> {
        @Mixin Directory directory;

        @Option(names = "--clean", description = "also delete the directory and drop the PostgreSQL database")
        boolean clean;

        @Override
        public Integer call() {
            List<ClusterProcess> stopped = directory.cluster().down(clean);
            OUT.println("stopped " + stopped.size() + " processes" + (clean ? "; deleted " + directory.dir : ""));
            return 0;
        }
    }

    @Command(name = "add-worker", mixinStandardHelpOptions = true, description = "Start more realtime workers.")
    static final class AddWorker implements Callable<Integer> {
        @Mixin Directory directory;

        @Option(names = "--count", defaultValue = "1", description = "how many (default ${DEFAULT-VALUE})")
        int count;

        @Override
        public Integer call() {
            directory.cluster().addWorkers(count);
            return 0;
        }
    }

    @Command(name = "remove-worker", mixinStandardHelpOptions = true,
            description = "Stop a worker for good: it commits what it read, hands off its sinks as it stops and leaves "
                    + "the consumer group; if sinks are left on disk, it is restarted to hand them off, then stopped.")
    static final class RemoveWorker implements Callable<Integer> {
        @Mixin Directory directory;

        @Parameters(arity = "0..1", description = "the worker's name, e.g. worker-2 (default: the one started last)")
        String name;

        @Option(names = "--drain-timeout", defaultValue = "PT10M",
                description = "how long to wait for the handoffs of a worker restarted to drain, ISO-8601 (default ${DEFAULT-VALUE})")
        Duration drainTimeout;

        @Override
        public Integer call() {
            ClusterProcess worker = directory.cluster().removeWorker(name, drainTimeout);
            return JavaProcesses.isAlive(worker) ? 1 : 0;
        }
    }

    @Command(name = "add-historical", mixinStandardHelpOptions = true, description = "Start one more historical node.")
    static final class AddHistorical implements Callable<Integer> {
        @Mixin Directory directory;

        @Override
        public Integer call() {
            directory.cluster().addHistorical();
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show each process and what each node's /status/ingestion says.")
    static final class Status implements Callable<Integer> {
        @Mixin Directory directory;

        @Override
        public Integer call() {
            OUT.print(directory.cluster().status());
            return 0;
        }
    }

    @Command(name = "produce", mixinStandardHelpOptions = true,
            description = "Send sample Wikipedia edits, stamped with the current time, into the cluster's topic; "
                    + "returns once all are acknowledged.")
    static final class Produce implements Callable<Integer> {
        @Mixin Directory directory;

        @Option(names = "--events", required = true, description = "how many")
        long events;

        @Option(names = "--rate", defaultValue = "0", description = "events per second (default: as fast as Kafka takes them)")
        int rate;

        @Override
        public Integer call() throws InterruptedException {
            ClusterState state = directory.cluster().requireRunning();
            long started = System.nanoTime();
            try (SampleProducer producer = new SampleProducer(state.bootstrap(), state.topic(),
                    rate == 0 ? Integer.MAX_VALUE : rate, events)) {
                producer.start();
                while (!producer.awaitStopped(Duration.ofSeconds(10))) {
                    OUT.printf("sent %,d events%n", producer.sent());
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                OUT.printf("sent %,d events to %s in %.1f s (%,.0f events/s)%n", producer.sent(), state.topic(), seconds,
                        producer.sent() / seconds);
            }
            return 0;
        }
    }
}
