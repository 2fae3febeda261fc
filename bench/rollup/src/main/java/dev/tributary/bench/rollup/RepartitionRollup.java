package dev.tributary.bench.rollup;

import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.input.JsonInputRowParser;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.IngestionSpec;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.embedded.EmbeddedKafkaBroker;
import dev.tributary.kafka.repartition.RepartitionConfig;
import dev.tributary.kafka.repartition.RepartitionJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.clients.producer.RoundRobinPartitioner;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Rollup across three realtime workers with and without {@code tributary repartition}, on the same
 * events: produced unkeyed straight into the workers' topic (twice: with the producer's default sticky
 * partitioner, which sends each batch to one partition, and round-robin), and produced unkeyed into a
 * raw topic that the repartition job re-keys by rollup key into the workers' topic. The rows the three workers hold in
 * memory are counted in each case, beside the rows one index makes of all events (the best any split
 * can do).
 *
 * <pre>
 * bench/run-rollup.sh [--events N] [--minutes M] [--workers W] [--seed S]
 * </pre>
 */
public final class RepartitionRollup {
    private static final Duration INGEST_TIMEOUT = Duration.ofMinutes(10);

    /** Creates a topic from a name prefix and returns its name (unique per call). */
    interface Topics {
        String create(String prefix, int partitions);
    }

    /** One way of feeding the workers, measured. */
    record Run(String mode, long events, long processed, long[] rowsPerWorker, long rowsPersisted, Duration elapsed) {
        long rows() {
            return Arrays.stream(rowsPerWorker).sum();
        }

        double ratio() {
            return (double) events / rows();
        }
    }

    /** The runs, unkeyed ones first and the repartitioned one last, and the single-index baseline. */
    record Report(int workers, long events, long singleIndexRows, List<Run> runs) {
        Run repartitioned() {
            return runs.get(runs.size() - 1);
        }

        List<Run> unkeyed() {
            return runs.subList(0, runs.size() - 1);
        }
    }

    private RepartitionRollup() {
    }

    public static void main(String[] args) throws Exception {
        int events = intOption(args, "--events", 200_000);
        int minutes = intOption(args, "--minutes", 30);
        int workers = intOption(args, "--workers", 3);
        long seed = intOption(args, "--seed", 20260101);
        List<byte[]> generated = ClickstreamEvents.generate(events, minutes * 60_000L, seed);
        Path work = Files.createTempDirectory("tributary-rollup-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            AtomicInteger created = new AtomicInteger();
            Topics topics = (prefix, partitions) -> {
                String name = prefix + "-" + created.incrementAndGet();
                broker.createTopic(name, partitions);
                return name;
            };
            Report report = measure(broker.bootstrapServers(), topics, generated, workers, work);
            print(report, minutes);
        } finally {
            deleteRecursively(work);
        }
        System.exit(0); // Kafka's and the nodes' non-daemon threads are closed, but do not wait on stragglers
    }

    static Report measure(String bootstrapServers, Topics topics, List<byte[]> events, int workers, Path work)
            throws TimeoutException, InterruptedException {
        long singleIndexRows = singleIndexRows(events);
        List<Run> runs = new ArrayList<>();
        runs.add(unkeyed("unkeyed, sticky partitioner (the producer's default)", null, bootstrapServers, topics, events, workers, work));
        runs.add(unkeyed("unkeyed, round-robin partitioner", RoundRobinPartitioner.class, bootstrapServers, topics, events, workers, work));
        runs.add(repartitioned(bootstrapServers, topics, events, workers, work));
        return new Report(workers, events.size(), singleIndexRows, runs);
    }

    /** Events produced without a key straight into the workers' topic. */
    private static Run unkeyed(String mode, Class<? extends Partitioner> partitioner, String bootstrapServers, Topics topics,
            List<byte[]> events, int workers, Path work) throws TimeoutException, InterruptedException {
        String topic = topics.create("clicks-unkeyed", workers);
        try (WorkerGroup group = new WorkerGroup(workers, topic, bootstrapServers, work.resolve(topic))) {
            long start = System.nanoTime();
            produceUnkeyed(bootstrapServers, topic, events, partitioner);
            group.awaitConsumed(events.size(), INGEST_TIMEOUT);
            return new Run(mode, events.size(), group.processed(), group.rowsInMemory(), group.rowsPersisted(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Events produced without a key (sticky) into a raw topic, re-keyed by the repartition job into the workers' topic. */
    private static Run repartitioned(String bootstrapServers, Topics topics, List<byte[]> events, int workers, Path work)
            throws TimeoutException, InterruptedException {
        String rawTopic = topics.create("clicks-raw", workers);
        String targetTopic = topics.create("clicks-repartitioned", workers);
        try (WorkerGroup group = new WorkerGroup(workers, targetTopic, bootstrapServers, work.resolve(targetTopic))) {
            IngestionSpec spec = SpecReader.read("""
                    {"dataSchema": %s, "ioConfig": {"firehose": {"type": "kafka", "topic": "%s",
                       "consumerProps": {"bootstrap.servers": "%s", "group.id": "unused"}}}}"""
                    .formatted(ClickstreamEvents.DATA_SCHEMA, targetTopic, bootstrapServers));
            RepartitionConfig config = RepartitionConfig.withDefaults(spec, rawTopic, null, null, "rollup-" + targetTopic,
                    Map.of(StreamsConfig.STATE_DIR_CONFIG, work.resolve("streams").toString()));
            try (RepartitionJob job = RepartitionJob.start(config)) {
                WorkerGroup.await(Duration.ofSeconds(60), "the repartition job running", () -> job.state() == KafkaStreams.State.RUNNING);
                long start = System.nanoTime();
                produceUnkeyed(bootstrapServers, rawTopic, events, null);
                group.awaitConsumed(events.size(), INGEST_TIMEOUT);
                return new Run("through tributary repartition", events.size(), group.processed(), group.rowsInMemory(),
                        group.rowsPersisted(), Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    /** The rows one index makes of every event: what perfect placement gives across any number of workers. */
    private static long singleIndexRows(List<byte[]> events) {
        DataSchema schema = SpecReader.read(ClickstreamEvents.DATA_SCHEMA, DataSchema.class);
        JsonInputRowParser parser = new JsonInputRowParser(schema);
        IncrementalIndex index = new IncrementalIndex(schema);
        events.forEach(event -> index.add(parser.parse(event)));
        return index.rowCount();
    }

    private static void produceUnkeyed(String bootstrapServers, String topic, List<byte[]> events,
            Class<? extends Partitioner> partitioner) {
        Properties props = new Properties();
        if (partitioner != null) {
            props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, partitioner.getName());
        }
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (var producer = new KafkaProducer<byte[], byte[]>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] event : events) {
                producer.send(new ProducerRecord<>(topic, event));
            }
        }
    }

    private static void print(Report report, int minutes) {
        System.out.printf("%,d events over %d minutes of event time, MINUTE rollup, %d workers; one index of all events: %,d rows (%.2f events/row)%n%n",
                report.events(), minutes, report.workers(), report.singleIndexRows(), (double) report.events() / report.singleIndexRows());
        System.out.println("| events reach the workers | rows per worker | rows | events / row | vs one index | rows persisted | wall time |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Run run : report.runs()) {
            System.out.printf("| %s | %s | %,d | %.3f | %.3fx rows | %d | %.1f s |%n", run.mode(),
                    Arrays.stream(run.rowsPerWorker()).mapToObj(r -> String.format("%,d", r)).toList(), run.rows(), run.ratio(),
                    (double) run.rows() / report.singleIndexRows(), run.rowsPersisted(), run.elapsed().toMillis() / 1000.0);
        }
    }

    private static int intOption(String[] args, String name, int defaultValue) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return defaultValue;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
