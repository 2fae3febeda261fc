package dev.tributary.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.core.time.DateTimes;
import dev.tributary.testing.KafkaBrokerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebalances, with workers as separate JVMs sharing a consumer group and the offset ledger in a
 * metadata store (embedded, or PostgreSQL: the subclasses): three workers start; a fourth joins mid-stream; one leaves (SIGTERM: it
 * persists and commits before giving its partitions up); one is frozen with SIGSTOP past its session
 * timeout, so its partitions move on, and then resumed as a zombie whose late commits are refused.
 * Each worker keeps its own persisted rows (there is no handoff yet), so the one that left is started
 * again at the end to serve them. The totals summed over the workers must equal what was produced.
 */
abstract class RebalanceScenario {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final int EVENTS = 9000;
    private static final long BASE = DateTimes.parseIso("2026-01-15T10:00:00Z");
    private static final String TOTALS = """
            {"queryType": "timeseries", "dataSource": "moves", "intervals": ["2026-01-15/2026-01-16"], "granularity": "all",
             "aggregations": [{"type": "longSum", "name": "events", "fieldName": "count"},
                              {"type": "longSum", "name": "added", "fieldName": "added"}]}""";

    @TempDir
    Path dir;

    private Path spec(String topic, int worker) throws Exception {
        Path spec = dir.resolve("spec-" + worker + ".json");
        Files.writeString(spec, """
                {"dataSchema": {"dataSource": "moves", "timestampSpec": {"column": "ts", "format": "millis"},
                   "dimensionsSpec": {"dimensions": ["channel"]},
                   "metricsSpec": [{"type": "count", "name": "count"}, {"type": "longSum", "name": "added", "fieldName": "added"}],
                   "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "none"}},
                 "ioConfig": {"type": "realtime", "firehose": {"type": "kafka", "topic": "%s",
                   "consumerProps": {"bootstrap.servers": "%s", "group.id": "%s-group", "session.timeout.ms": "6000",
                                     "heartbeat.interval.ms": "500", "max.poll.interval.ms": "8000"}}},
                 "tuningConfig": {"type": "realtime", "rejectionPolicy": {"type": "none"}, "maxRowsInMemory": 40,
                                  "intermediatePersistPeriod": "PT1S", "basePersistDirectory": "%s"}}
                """.formatted(topic, KAFKA.bootstrapServers(), topic, dir.resolve("persist-" + worker)));
        return spec;
    }

    /** The runtime.properties lines that choose the metadata store the workers share. */
    abstract String metadataStore(Path dir);

    @Test
    void shouldCountEveryEventOnceThroughJoinsLeavesAndAZombie() throws Exception {
        String topic = KAFKA.createTopic("moves", 6);
        Path config = dir.resolve("runtime.properties");
        Files.writeString(config, "tributary.http.port=0\n" + metadataStore(dir));
        List<WorkerProcess> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            workers.add(WorkerProcess.start(config, spec(topic, w), dir.resolve("worker-" + w + ".log")));
        }
        Thread producer = new Thread(() -> produce(topic), "producer");
        producer.start();
        WorkerProcess added = null;
        WorkerProcess removed = workers.get(1);
        WorkerProcess zombie = workers.get(2);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> consumed(workers) >= 1500);
            added = WorkerProcess.start(config, spec(topic, 3), dir.resolve("worker-3.log"));
            workers.add(added);
            await().atMost(Duration.ofSeconds(60)).until(() -> consumed(workers) >= 3000);
            removed.stop();
            workers.remove(removed);
            zombie.signal("STOP");
            // frozen past its session timeout: the group moves its partitions to the others
            List<WorkerProcess> others = workers.stream().filter(w -> w != zombie).toList();
            await().atMost(Duration.ofSeconds(90)).until(() -> assigned(others).size() == 6);
            zombie.signal("CONT");
            producer.join(120_000);
            WorkerProcess back = WorkerProcess.start(config, spec(topic, 1), dir.resolve("worker-1-again.log"));
            workers.add(back);

            long[] totals = new long[2];
            Runnable report = () -> {
                for (WorkerProcess worker : workers) {
                    System.out.println("worker " + worker.port + ": " + worker.client().query(TOTALS).body() + " "
                            + worker.client().get("/status/ingestion").body());
                }
            };
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                long events = 0;
                long sum = 0;
                for (WorkerProcess worker : workers) {
                    JsonNode result = worker.client().query(TOTALS).body().path(0).path("result");
                    events += result.path("events").asLong();
                    sum += result.path("added").asLong();
                }
                totals[0] = events;
                totals[1] = sum;
                return events >= EVENTS && settled(workers);
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                report.run(); // what each worker holds and reads, for the failure's reader
                throw e;
            }
            long expectedAdded = (long) EVENTS * (EVENTS - 1) / 2;
            System.out.printf("rebalance test: %d events produced, %d counted, lost %d, duplicated %d, zombie rewinds %s%n",
                    EVENTS, totals[0], Math.max(0, EVENTS - totals[0]), Math.max(0, totals[0] - EVENTS),
                    zombie.client().get("/status/ingestion").body().path("rewinds"));
            assertThat(totals[0]).as("events counted over all workers").isEqualTo(EVENTS);
            assertThat(totals[1]).isEqualTo(expectedAdded);
        } finally {
            for (WorkerProcess worker : workers) {
                worker.kill();
            }
        }
    }

    private static long consumed(List<WorkerProcess> workers) {
        long total = 0;
        for (WorkerProcess worker : workers) {
            total += worker.client().get("/status/ingestion").body().path("consumed").asLong();
        }
        return total;
    }

    /** The partitions these workers read now. */
    private static java.util.Set<String> assigned(List<WorkerProcess> workers) {
        java.util.Set<String> owned = new java.util.HashSet<>();
        for (WorkerProcess worker : workers) {
            worker.client().get("/status/ingestion").body().path("partitions").fieldNames().forEachRemaining(owned::add);
        }
        return owned;
    }

    /** Every partition is read by exactly one worker, with no lag. */
    private static boolean settled(List<WorkerProcess> workers) {
        java.util.Set<String> owned = new java.util.HashSet<>();
        int assignments = 0;
        for (WorkerProcess worker : workers) {
            JsonNode partitions = worker.client().get("/status/ingestion").body().path("partitions");
            for (var it = partitions.fields(); it.hasNext(); ) {
                var entry = it.next();
                assignments++;
                if (entry.getValue().path("lag").asLong() == 0) {
                    owned.add(entry.getKey());
                }
            }
        }
        return owned.size() == 6 && assignments == 6;
    }

    private static void produce(String topic) {
        PacedProducer.produce(KAFKA.bootstrapServers(), topic, EVENTS,
                i -> "{\"ts\": %d, \"channel\": \"c%d\", \"added\": %d}".formatted(BASE + (i % 600) * 1000L, i % 5, i), 150);
    }
}
