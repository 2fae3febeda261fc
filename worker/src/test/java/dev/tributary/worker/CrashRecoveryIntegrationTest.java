package dev.tributary.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.core.time.DateTimes;
import dev.tributary.testing.KafkaBrokerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes: a worker runs as its own JVM ({@code tributary server realtime}) with the offset ledger in
 * an embedded metadata store, and is killed with SIGKILL at random moments, again and again, while a
 * producer writes a known sequence. It persists every 25 rows and at least every second, so kills
 * land before, inside and after persists, and between a persist and its commit. After the last
 * restart the totals must equal exactly what was produced: the test reports lost and duplicated
 * events as numbers, and both must be 0.
 */
class CrashRecoveryIntegrationTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final int EVENTS = 6000;
    private static final int KILLS = 10;
    private static final long BASE = DateTimes.parseIso("2026-01-15T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void shouldCountEveryEventExactlyOnceThroughRepeatedKill9() throws Exception {
        String topic = KAFKA.createTopic("crash", 3);
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, """
                {"dataSchema": {"dataSource": "crash", "timestampSpec": {"column": "ts", "format": "millis"},
                   "dimensionsSpec": {"dimensions": ["channel", "user"]},
                   "metricsSpec": [{"type": "count", "name": "count"}, {"type": "longSum", "name": "added", "fieldName": "added"}],
                   "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "none"}},
                 "ioConfig": {"type": "realtime", "firehose": {"type": "kafka", "topic": "%s",
                   "consumerProps": {"bootstrap.servers": "%s", "group.id": "%s-group", "session.timeout.ms": "6000",
                                     "heartbeat.interval.ms": "500"}}},
                 "tuningConfig": {"type": "realtime", "rejectionPolicy": {"type": "none"}, "maxRowsInMemory": 25,
                                  "intermediatePersistPeriod": "PT1S", "basePersistDirectory": "%s"}}
                """.formatted(topic, KAFKA.bootstrapServers(), topic, dir.resolve("persist")));
        Path config = dir.resolve("runtime.properties");
        Files.writeString(config, "tributary.http.port=0\ntributary.metadata.storage.embedded.directory=" + dir.resolve("metadata") + "\n");

        long expectedAdded = 0;
        for (int i = 0; i < EVENTS; i++) {
            expectedAdded += i;
        }
        Thread producer = new Thread(() -> produce(topic), "producer");
        producer.start();

        SplittableRandom random = new SplittableRandom(7);
        int kills = 0;
        long consumedBeforeKills = 0;
        for (int cycle = 0; cycle < KILLS; cycle++) {
            WorkerProcess worker = WorkerProcess.start(config, spec, dir.resolve("worker-" + cycle + ".log"));
            NodeClient client = new NodeClient(worker.port);
            long target = 20 + random.nextInt(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> consumed(client) >= target);
            consumedBeforeKills += consumed(client);
            long until = System.nanoTime() + random.nextInt(400) * 1_000_000L; // a random moment, not a wait for a state
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            worker.kill();
            kills++;
        }
        producer.join(120_000);

        WorkerProcess last = WorkerProcess.start(config, spec, dir.resolve("worker-last.log"));
        NodeClient client = new NodeClient(last.port);
        try {
            long[] totals = new long[2];
            String[] lastSeen = {"nothing yet"};
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    JsonNode answer = client.query(TOTALS).body();
                    JsonNode result = answer.path(0).path("result");
                    totals[0] = result.path("events").asLong();
                    totals[1] = result.path("added").asLong();
                    long lag = lag(client);
                    lastSeen[0] = "query " + answer + ", lag " + lag + ", ingestion "
                            + client.get("/status/ingestion").body();
                    return totals[0] >= EVENTS && lag == 0;
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                StringBuilder logs = new StringBuilder();
                try (var files = Files.list(dir)) {
                    for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                        for (String line : Files.readAllLines(log)) {
                            if (line.contains("ERROR") || line.contains("WARN") || line.contains("corrupt") || line.contains("deleting")
                                    || line.contains("restored")) {
                                logs.append(log.getFileName()).append(": ").append(line).append('\n');
                            }
                        }
                    }
                }
                throw new AssertionError("the last worker did not count all " + EVENTS + " events with no lag; last seen: "
                        + lastSeen[0] + "\n" + logs, e);
            }
            long lost = Math.max(0, EVENTS - totals[0]);
            long duplicated = Math.max(0, totals[0] - EVENTS);
            System.out.printf("crash test: %d kills, %d events produced, %d consumed by killed workers, lost %d, duplicated %d%n",
                    kills, EVENTS, consumedBeforeKills, lost, duplicated);
            assertThat(kills).isEqualTo(KILLS);
            assertThat(lost).as("lost events").isZero();
            assertThat(duplicated).as("duplicated events").isZero();
            assertThat(totals[1]).isEqualTo(expectedAdded);
        } finally {
            last.kill();
        }
    }

    private static final String TOTALS = """
            {"queryType": "timeseries", "dataSource": "crash", "intervals": ["2026-01-15/2026-01-16"], "granularity": "all",
             "aggregations": [{"type": "longSum", "name": "events", "fieldName": "count"},
                              {"type": "longSum", "name": "added", "fieldName": "added"}]}""";

    private static long consumed(NodeClient client) {
        return client.get("/status/ingestion").body().path("consumed").asLong();
    }

    private static long lag(NodeClient client) {
        long total = 0;
        for (JsonNode partition : client.get("/status/ingestion").body().path("partitions")) {
            long lag = partition.path("lag").asLong();
            if (lag < 0) {
                return Long.MAX_VALUE;
            }
            total += lag;
        }
        return total;
    }

    /** The known sequence, in bursts, so that production goes on while workers are killed. */
    private static void produce(String topic) {
        PacedProducer.produce(KAFKA.bootstrapServers(), topic, EVENTS, i -> "{\"ts\": %d, \"channel\": \"c%d\", \"user\": \"u%d\", \"added\": %d}"
                .formatted(BASE + (i % 600) * 1000L + i % 1000, i % 7, i % 13, i), 100);
    }
}
