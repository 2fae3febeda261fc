package dev.tributary.quickstart;

import java.time.Duration;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Streams sample edits into a topic at a steady rate on its own thread, stamped with the current
 * time, until {@link #close()} or until {@code maxEvents} were sent. An event the broker did not take
 * is counted in {@link #failed()}, and the last such error is kept for {@link #lastFailure()}.
 * The quickstart runs one; so does {@code tributary cluster produce}.
 */
public final class SampleProducer implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final int eventsPerSecond;
    private final long maxEvents;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> lastFailure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopping;

    /** @param eventsPerSecond the rate; {@link Integer#MAX_VALUE} sends as fast as the producer takes them */
    public SampleProducer(String bootstrapServers, String topic, int eventsPerSecond, long maxEvents) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        this.topic = topic;
        this.eventsPerSecond = eventsPerSecond;
        this.maxEvents = maxEvents;
        this.thread = new Thread(this::run, "sample-producer");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Events handed to the producer so far. */
    public long sent() {
        return sent.get();
    }

    /** Events handed to the producer that the broker did not take (after the producer's own retries). */
    long failed() {
        return failed.get();
    }

    /** The last error of a failed event, or null. */
    Exception lastFailure() {
        return lastFailure.get();
    }

    /**
     * Waits until the producer has stopped: it sent {@code maxEvents} and flushed them (the broker
     * answered for each, see {@link #failed()}), or it was closed.
     *
     * @return whether it stopped within the timeout
     */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
        return !thread.isAlive();
    }

    private void run() {
        SampleEvents events = new SampleEvents(new SplittableRandom());
        long started = System.nanoTime();
        while (!stopping && sent.get() < maxEvents) {
            long due = (long) ((System.nanoTime() - started) / 1e9 * eventsPerSecond);
            if (sent.get() >= due) {
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                continue;
            }
            producer.send(new ProducerRecord<>(topic, events.next(System.currentTimeMillis())), (metadata, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                    lastFailure.set(error);
                }
            });
            sent.incrementAndGet();
        }
        producer.flush();
    }

    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }
}
