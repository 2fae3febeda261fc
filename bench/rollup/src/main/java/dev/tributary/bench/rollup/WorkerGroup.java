package dev.tributary.bench.rollup;

import dev.tributary.core.spec.IngestionSpec;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.worker.plumber.RealtimePlumber;
import dev.tributary.worker.realtime.RealtimeNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Realtime nodes in one JVM sharing one topic through one consumer group, sized so that nothing is
 * persisted while they ingest: every row they make stays in memory, where it is counted.
 */
final class WorkerGroup implements AutoCloseable {
    private final List<RealtimeNode> nodes = new ArrayList<>();

    /** Starts {@code workers} nodes and waits until each owns exactly one partition of the topic. */
    WorkerGroup(int workers, String topic, String bootstrapServers, Path persistDirectory) throws TimeoutException, InterruptedException {
        for (int w = 0; w < workers; w++) {
            RealtimeNode node = new RealtimeNode(spec(topic, bootstrapServers, persistDirectory.resolve("worker-" + w)));
            nodes.add(node);
            node.start();
        }
        await(Duration.ofSeconds(60), "each worker owning one partition of " + topic, () -> {
            Set<String> owned = new HashSet<>();
            for (RealtimeNode node : nodes) {
                Map<String, ?> partitions = node.metrics().partitions();
                if (partitions.size() != 1) {
                    return false;
                }
                owned.addAll(partitions.keySet());
            }
            return owned.size() == workers;
        });
    }

    private static IngestionSpec spec(String topic, String bootstrapServers, Path persistDirectory) {
        return SpecReader.read("""
                {"dataSchema": %s,
                 "ioConfig": {"firehose": {"type": "kafka", "topic": "%s",
                   "consumerProps": {"bootstrap.servers": "%s", "group.id": "%s-workers"}}},
                 "tuningConfig": {"rejectionPolicy": {"type": "none"}, "maxRowsInMemory": 100000000,
                   "maxBytesInMemory": -1, "intermediatePersistPeriod": "PT6H", "basePersistDirectory": "%s"}}"""
                .formatted(ClickstreamEvents.DATA_SCHEMA, topic, bootstrapServers, topic, persistDirectory));
    }

    /** Waits until the workers together have consumed {@code events} events. */
    void awaitConsumed(long events, Duration timeout) throws TimeoutException, InterruptedException {
        await(timeout, events + " events consumed", () -> consumed() >= events);
    }

    long consumed() {
        return nodes.stream().mapToLong(n -> n.metrics().consumed()).sum();
    }

    long processed() {
        return nodes.stream().mapToLong(n -> n.metrics().processed()).sum();
    }

    /** Each worker's rows in memory. */
    long[] rowsInMemory() {
        return nodes.stream().mapToLong(RealtimeNode::rowsInMemory).toArray();
    }

    /** Rows the workers wrote to disk; the rows in memory are all the rows only while this is 0. */
    long rowsPersisted() {
        return nodes.stream().mapToLong(n -> ((Number) ((RealtimePlumber) n.plumber()).metrics().asMap().get("rowsPersisted")).longValue()).sum();
    }

    @Override
    public void close() {
        nodes.forEach(RealtimeNode::close);
    }

    static void await(Duration timeout, String what, BooleanSupplier condition) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("gave up after " + timeout + " waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
