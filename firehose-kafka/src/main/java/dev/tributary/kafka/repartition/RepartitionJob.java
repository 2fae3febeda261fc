package dev.tributary.kafka.repartition;

import dev.tributary.core.input.JsonInputRowParser;
import dev.tributary.core.input.transform.RowTransformer;
import dev.tributary.core.spec.IngestionSpec;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tributary repartition}: a Kafka Streams application that reads a raw topic and writes each
 * event to the workers' topic keyed by the hash of its rollup key, so that Kafka's partitioner sends
 * every event of one (truncated time, dimension values) to one partition, hence one worker, and rows
 * that can roll up together do. See {@link RepartitionProcessor} for what happens to each event.
 *
 * <p>Exactly once: the job runs with {@code processing.guarantee=exactly_once_v2}, so the events it
 * writes and the raw offsets it has read are committed in one transaction. A crash or a rebalance
 * writes nothing twice and loses nothing; the workers read with {@code read_committed} and never see
 * an aborted write. Scale is another instance with the same application id.
 *
 * <p>Threading: {@link #start}, {@link #close} and the waits from any thread; Kafka Streams runs the
 * processing on its own threads. A failure on one of them stops the job: {@link #state} becomes
 * {@code ERROR}, {@link #failure} says why, and {@link #awaitTermination} returns.
 */
public final class RepartitionJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RepartitionJob.class);
    private static final String SOURCE = "raw-events";
    private static final String PROCESSOR = "rekey-by-rollup-key";
    private static final String SINK = "rekeyed-events";

    private final RepartitionConfig config;
    private final KafkaStreams streams;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile Throwable failure;

    private RepartitionJob(RepartitionConfig config) {
        this.config = config;
        this.streams = new KafkaStreams(topology(config), config.toStreamsProperties());
        streams.setUncaughtExceptionHandler(e -> {
            failure = e;
            LOG.error("repartition job {} stopped by an error", config.applicationId(), e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> {
            LOG.info("repartition job {}: {} -> {}", config.applicationId(), before, now);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                terminated.countDown();
            }
        });
    }

    /** Starts the job; it runs until {@link #close} or a failure. */
    public static RepartitionJob start(RepartitionConfig config) {
        RepartitionJob job = new RepartitionJob(config);
        LOG.info("repartitioning {} into {} by the rollup key of dataSource '{}'", config.sourceTopic(),
                config.targetTopic(), config.spec().dataSchema().dataSource());
        job.streams.start();
        return job;
    }

    /** The topology: raw topic, re-key by rollup key, target topic; bytes throughout. */
    public static Topology topology(RepartitionConfig config) {
        IngestionSpec spec = config.spec();
        Topology topology = new Topology();
        topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), config.sourceTopic());
        topology.addProcessor(PROCESSOR, () -> new RepartitionProcessor(
                new JsonInputRowParser(spec.dataSchema(), spec.flattenSpec()),
                new RowTransformer(spec.dataSchema().transformSpec()),
                new RollupKey(spec.dataSchema()),
                spec.tuningConfig().maxEventBytes()), SOURCE);
        topology.addSink(SINK, config.targetTopic(), new ByteArraySerializer(), new ByteArraySerializer(), PROCESSOR);
        return topology;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** What stopped the job, or null. */
    public Throwable failure() {
        return failure;
    }

    /** The total of one of the {@link RepartitionMetrics} counts over this instance's tasks. */
    public long count(String operation) {
        return RepartitionMetrics.total(streams.metrics(), operation);
    }

    /**
     * Waits until the job has stopped, by {@link #close} or a failure.
     *
     * @return false if it still runs after {@code timeout}
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the job: the open transaction is committed or aborted, never half-written. */
    @Override
    public void close() {
        // read before close: the client's metrics go with it
        long rekeyed = count(RepartitionMetrics.REKEYED);
        long filtered = count(RepartitionMetrics.FILTERED);
        long unparseable = count(RepartitionMetrics.UNPARSEABLE);
        if (!streams.close(Duration.ofSeconds(30))) {
            LOG.warn("repartition job {} did not stop within 30 s", config.applicationId());
        }
        LOG.info("repartition job {} stopped; this run re-keyed {}, filtered {} and passed on {} unparseable events",
                config.applicationId(), rekeyed, filtered, unparseable);
    }
}
