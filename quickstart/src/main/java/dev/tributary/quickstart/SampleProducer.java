package dev.tributary.quickstart;

import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Streams sample edits into a topic at a steady rate on its own thread, stamped with the current
 * time, until {@link #close()} or until {@code maxEvents} were sent. The quickstart runs one; so does
 * {@code tributary cluster produce}.
 */
public final class SampleProducer implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final int eventsPerSecond;
    private final long maxEvents;
    private final AtomicLong sent = new AtomicLong();
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

    /**
     * Waits until {@code maxEvents} were sent and flushed (acknowledged by the broker), or until the
     * timeout; true if they were.
     */
    public boolean awaitFinished(java.time.Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
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
            producer.send(new ProducerRecord<>(topic, events.next(System.currentTimeMillis())));
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
