package dev.tributary.worker.plumber;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tributary.core.Json;
import dev.tributary.core.TributaryException;
import dev.tributary.core.input.JsonInputRowParser;
import dev.tributary.core.query.QueryExecutor;
import dev.tributary.core.query.QueryReader;
import dev.tributary.core.segment.Segment;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.core.spec.TuningConfig;
import dev.tributary.core.spi.CommitFencedException;
import dev.tributary.core.spi.Committer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The realtime plumber persists full indexes as segments, keeps every row queryable throughout, runs
 * a persist's committer only once its hydrants are on disk, drops what a refused commit covered, and
 * after a restart serves only hydrants whose commit is confirmed. Committers here are test doubles of
 * our own interface, so that the test can see when they run and what was on disk at that moment.
 */
class RealtimePlumberTest {
    private static final DataSchema SCHEMA = SpecReader.read("""
            {"dataSource": "p", "timestampSpec": {"column": "t", "format": "millis"},
             "dimensionsSpec": {"dimensions": ["k"]},
             "metricsSpec": [{"type": "count", "name": "count"}, {"type": "longSum", "name": "v", "fieldName": "v"}],
             "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "none",
                                 "intervals": ["1970-01-01/1970-01-02"]}}""", DataSchema.class);
    private static final JsonInputRowParser PARSER = new JsonInputRowParser(SCHEMA);

    @TempDir
    Path base;

    private TuningConfig tuning(int maxRows, String policy, int maxPendingPersists) {
        return SpecReader.read("{\"maxRowsInMemory\": " + maxRows + ", \"basePersistDirectory\": \"" + base
                + "\", \"rejectionPolicy\": {\"type\": \"" + policy + "\"}, \"windowPeriod\": \"PT10M\", \"maxPendingPersists\": "
                + maxPendingPersists + "}", TuningConfig.class);
    }

    private RealtimePlumber plumber(TuningConfig tuning) {
        return new RealtimePlumber(SCHEMA, tuning, Clock.fixed(Instant.ofEpochMilli(60_000), ZoneOffset.UTC));
    }

    private static dev.tributary.core.input.InputRow row(long t, int v) {
        return PARSER.parse(("{\"t\": " + t + ", \"k\": \"k" + v + "\", \"v\": " + v + "}").getBytes(UTF_8));
    }

    /** A committer that records what was on disk when it ran. */
    private final class Recording implements Committer {
        final String id;
        final List<String> seenOnDisk = new CopyOnWriteArrayList<>();
        volatile boolean ran;

        Recording(String id) {
            this.id = id;
        }

        @Override
        public Map<String, Object> metadata() {
            return Map.of("commitId", id);
        }

        @Override
        public void run() {
            try (Stream<Path> files = Files.walk(base)) {
                files.filter(f -> f.getFileName().toString().endsWith(".commit")).forEach(f -> seenOnDisk.add(f.toString()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            ran = true;
        }
    }

    private static String totals(RealtimePlumber plumber) throws Exception {
        return Json.mapper().writeValueAsString(new QueryExecutor(ds -> plumber.queryablePieces()).run(QueryReader.read("""
                {"queryType": "timeseries", "dataSource": "p", "intervals": ["1970/1971"], "granularity": "all",
                 "aggregations": [{"type": "longSum", "name": "events", "fieldName": "count"},
                                  {"type": "longSum", "name": "v", "fieldName": "v"}]}""".getBytes(UTF_8))));
    }

    @Test
    void shouldPersistFullIndexesAndCommitOnlyAfterTheirHydrantsAreOnDisk() throws Exception {
        RealtimePlumber plumber = plumber(tuning(3, "none", 0));
        plumber.start(m -> true);
        List<Recording> committers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 10; i++) {
            assertThat(plumber.add(row(1000 + i, i), () -> {
                Recording c = new Recording("c" + committers.size());
                committers.add(c);
                return c;
            })).isTrue();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> committers.stream().allMatch(c -> c.ran));
        assertThat(committers).hasSize(3); // rows 4, 7 and 10 each found a full index
        for (int i = 0; i < committers.size(); i++) {
            assertThat(committers.get(i).seenOnDisk).as("commit files on disk when commit %d ran", i).hasSize(i + 1);
        }
        assertThat(plumber.metrics().persists()).isEqualTo(3);
        assertThat(plumber.metrics().commits()).isEqualTo(3);
        assertThat(plumber.queryablePieces()).filteredOn(p -> p instanceof Segment).hasSize(3);
        assertThat(totals(plumber)).isEqualTo("[{\"timestamp\":\"1970-01-01T00:00:01.000Z\",\"result\":{\"events\":10,\"v\":45}}]");
        plumber.close();
    }

    @Test
    void shouldThrowAwayRowsOutsideTheIntervalsAndTheWindow() {
        RealtimePlumber plumber = plumber(tuning(100, "serverTime", 0));
        plumber.start(m -> true);
        assertThat(plumber.add(row(60_000 + 600_001, 1), () -> null)).as("past the window after now").isFalse();
        assertThat(plumber.add(row(60_000 + 600_000, 1), () -> null)).isTrue();
        assertThat(plumber.add(row(0, 1), () -> null)).isTrue();
        RealtimePlumber messageTime = plumber;
        plumber.close();
        messageTime = plumber(tuning(100, "messageTime", 0));
        messageTime.start(m -> true);
        assertThat(messageTime.add(row(86_000_000, 1), () -> null)).isTrue();
        assertThat(messageTime.add(row(86_000_000 - 600_001, 1), () -> null)).as("older than the window before the latest").isFalse();
        assertThat(messageTime.add(row(86_400_000, 1), () -> null)).as("outside the spec's intervals").isFalse();
        messageTime.close();
    }

    @Test
    void shouldServeOnlyConfirmedHydrantsAfterARestart() throws Exception {
        RealtimePlumber first = plumber(tuning(2, "none", 0));
        first.start(m -> true);
        List<Recording> committers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 6; i++) {
            first.add(row(1000 + i, i), () -> {
                Recording c = new Recording("c" + committers.size());
                committers.add(c);
                return c;
            });
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> committers.size() == 2 && committers.stream().allMatch(c -> c.ran));
        first.close(); // rows 4 and 5 were never persisted: a crash would lose them from memory, not from Kafka
        Files.createDirectories(base.resolve("p").resolve("0_3600000").resolve(".tmp-9-half-written"));

        RealtimePlumber second = plumber(tuning(2, "none", 0));
        Set<String> confirmed = Set.of("c0"); // as if the process died after persisting c1's hydrant, before its commit
        second.start(m -> confirmed.contains(m.get("commitId")));
        assertThat(totals(second)).isEqualTo("[{\"timestamp\":\"1970-01-01T00:00:01.000Z\",\"result\":{\"events\":2,\"v\":1}}]");
        try (Stream<Path> left = Files.list(base.resolve("p").resolve("0_3600000"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("sink.json", "0", "0.commit");
        }
        second.close();
    }

    @Test
    void shouldRefuseASecondPlumberOnTheSameDirectory() {
        RealtimePlumber first = plumber(tuning(10, "none", 0));
        first.start(m -> true);
        RealtimePlumber second = plumber(tuning(10, "none", 0));
        assertThatThrownBy(() -> second.start(m -> true)).isInstanceOf(TributaryException.class)
                .hasMessageContaining("in use by another Tributary process");
        first.close();
    }

    @Test
    void shouldDropWhatARefusedCommitCoveredAndEverythingAfterIt() throws Exception {
        RealtimePlumber plumber = plumber(tuning(2, "none", 0));
        plumber.start(m -> true);
        Committer fenced = new Committer() {
            @Override
            public Map<String, Object> metadata() {
                return Map.of("commitId", "fenced");
            }

            @Override
            public void run() {
                throw new CommitFencedException("another owner");
            }
        };
        plumber.add(row(1000, 1), () -> null);
        plumber.add(row(1001, 2), () -> null);
        plumber.add(row(1002, 3), () -> fenced); // persists rows 1 and 2, whose commit is refused
        plumber.add(row(1003, 4), () -> null);
        await().atMost(Duration.ofSeconds(20)).until(() -> plumber.metrics().fencedCommits() == 1);
        assertThat(plumber.takeCommitFailure()).hasMessageContaining("another owner");
        assertThat(plumber.takeCommitFailure()).isNull();

        plumber.dropUncommitted();

        assertThat(totals(plumber)).isEqualTo("[]");
        try (Stream<Path> files = Files.walk(base.resolve("p"))) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".commit"))).isEmpty();
        }
        plumber.close();
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        volatile long millis;

        MovingClock(long millis) {
            this.millis = millis;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    @Test
    void shouldServeAFlushingSinkUntilFlushDurationAfterItsWindowThenDropIt() throws Exception {
        MovingClock clock = new MovingClock(60_000);
        RealtimePlumber plumber = new RealtimePlumber(SCHEMA, tuning(100, "none", 0), clock, Duration.ofMinutes(30), SegmentHandoff.NONE);
        plumber.start(m -> true);
        Recording committer = new Recording("c0");
        plumber.add(row(1000, 1), () -> null);
        plumber.add(row(2000, 2), () -> null);
        plumber.persist(committer, true);
        assertThat(committer.ran).isTrue();

        clock.millis = 3_600_000 + 600_000 + 1_800_000 - 1; // the hour, its 10-minute window, 30 minutes more, less 1 ms
        plumber.persistIfDue(() -> new Recording("c1"));
        assertThat(totals(plumber)).isEqualTo("[{\"timestamp\":\"1970-01-01T00:00:01.000Z\",\"result\":{\"events\":2,\"v\":3}}]");

        clock.millis += 1;
        plumber.persistIfDue(() -> new Recording("c2"));
        assertThat(totals(plumber)).isEqualTo("[]");
        assertThat(plumber.sinkCount()).isZero();
        assertThat(Files.exists(base.resolve("p").resolve("0_3600000"))).isFalse();
        assertThat(plumber.metrics().asMap().get("flushedSinks")).isEqualTo(1L);
        plumber.close();
    }

    @Test
    void shouldChooseThePlumberByItsSpecType() {
        var realtime = SpecReader.read("{\"type\": \"realtime\"}", dev.tributary.core.spi.PlumberFactory.class);
        var flushing = SpecReader.read("{\"type\": \"flushing\", \"flushDuration\": \"PT10M\"}",
                dev.tributary.core.spi.PlumberFactory.class);
        assertThat(realtime).isInstanceOf(RealtimePlumberFactory.class);
        assertThat(flushing).isEqualTo(new FlushingPlumberFactory(Duration.ofMinutes(10)));
        assertThatThrownBy(() -> SpecReader.read("{\"type\": \"flushing\", \"flushDuration\": \"-PT1M\"}",
                dev.tributary.core.spi.PlumberFactory.class)).hasMessageContaining("flushDuration");
    }

    @Test
    void shouldMakeIngestionWaitWhenPersistsPileUp() throws Exception {
        RealtimePlumber plumber = plumber(tuning(1, "none", 0));
        plumber.start(m -> true);
        CountDownLatch release = new CountDownLatch(1);
        Map<String, Boolean> ran = new ConcurrentHashMap<>();
        Committer slow = new Committer() {
            @Override
            public Map<String, Object> metadata() {
                return Map.of("commitId", "slow");
            }

            @Override
            public void run() {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ran.put("slow", true);
            }
        };
        plumber.add(row(1000, 1), () -> null);
        plumber.add(row(1001, 2), () -> slow); // the first persist: its commit blocks the persist thread
        Thread adder = new Thread(() -> plumber.add(row(1002, 3), () -> new Recording("next")));
        adder.start(); // the second persist must wait for a slot
        await().atMost(Duration.ofSeconds(20)).until(() -> adder.getState() == Thread.State.WAITING);
        release.countDown();
        adder.join(20_000);
        assertThat(ran).containsKey("slow");
        assertThat(plumber.metrics().asMap().get("backPressureWaits")).isEqualTo(1L);
        plumber.close();
    }

    @Test
    void shouldCountAPersistAsPendingUntilItsCommitIsDone() throws Exception {
        RealtimePlumber plumber = plumber(tuning(1, "none", 0));
        plumber.start(m -> true);
        CountDownLatch release = new CountDownLatch(1);
        Committer slow = new Committer() {
            @Override
            public Map<String, Object> metadata() {
                return Map.of("commitId", "slow");
            }

            @Override
            public void run() {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        assertThat(plumber.pendingPersists()).isZero();
        plumber.add(row(1000, 1), () -> null);
        plumber.add(row(1001, 2), () -> slow); // a full index: persisted, then its commit blocks
        assertThat(plumber.pendingPersists()).isEqualTo(1);
        release.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> plumber.pendingPersists() == 0);
        assertThat(plumber.metrics().commits()).isEqualTo(1);
        plumber.close();
    }
}
