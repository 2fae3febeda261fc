package dev.tributary.worker.cli;

import dev.tributary.core.spec.SpecReader;
import dev.tributary.kafka.repartition.RepartitionConfig;
import dev.tributary.kafka.repartition.RepartitionJob;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tributary repartition}: re-keys a raw topic by rollup key into the workers' topic until stopped. */
@Command(name = "repartition", mixinStandardHelpOptions = true,
        description = {"Read a raw topic, apply the spec's transformSpec filter, and write each event to the workers' "
                + "topic keyed by a hash of its rollup key (queryGranularity-truncated time and dimension values), "
                + "so that events that roll up together reach the same worker. Exactly once (Kafka Streams, exactly_once_v2)."})
final class RepartitionCommand implements Callable<Integer> {
    /** Exit code when the job stops by a failure rather than by a signal. */
    static final int EXIT_FAILED = 1;

    @Option(names = "--spec", required = true, description = "the workers' Druid realtime ingestion spec (JSON)")
    Path spec;

    @Option(names = "--from", required = true, description = "the raw topic to read")
    String from;

    @Option(names = "--to", description = "the topic the workers read (default: the spec's kafka firehose topic)")
    String to;

    @Option(names = "--bootstrap", description = "Kafka bootstrap servers (default: the spec's consumerProps bootstrap.servers)")
    String bootstrap;

    @Option(names = "--application-id",
            description = "the Kafka Streams application.id; instances with the same one share the work "
                    + "(default: tributary-repartition-<dataSource>)")
    String applicationId;

    @Option(names = {"-p", "--property"}, paramLabel = "KEY=VALUE",
            description = "a further Kafka Streams, consumer or producer property, such as security settings; repeatable")
    Map<String, String> properties;

    @Override
    public Integer call() throws InterruptedException {
        RepartitionConfig config = RepartitionConfig.withDefaults(SpecReader.read(spec), from, to, bootstrap, applicationId, properties);
        RepartitionJob job = RepartitionJob.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(job::close, "shutdown"));
        System.out.println("repartitioning " + config.sourceTopic() + " into " + config.targetTopic()
                + " as application " + config.applicationId());
        while (!job.awaitTermination(Duration.ofMinutes(1))) {
            // runs until a signal closes it or a failure stops it
        }
        if (job.failure() != null) {
            System.err.println("error: the repartition job stopped: " + job.failure());
            return EXIT_FAILED;
        }
        return 0;
    }
}
