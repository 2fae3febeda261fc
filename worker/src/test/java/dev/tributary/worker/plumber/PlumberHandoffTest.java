package dev.tributary.worker.plumber;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.core.Json;
import dev.tributary.core.input.InputRow;
import dev.tributary.core.input.JsonInputRowParser;
import dev.tributary.core.query.QueryExecutor;
import dev.tributary.core.query.QueryReader;
import dev.tributary.core.segment.Segment;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.core.spec.TuningConfig;
import dev.tributary.core.spi.Committer;
import dev.tributary.core.time.Interval;
import dev.tributary.worker.metadata.DataSegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handoff in the realtime plumber, with a fake cluster (a test double of our own
 * {@link SegmentHandoff}): a sink whose window has passed is merged, pushed, published, and dropped
 * only once a historical serves it; failures are retried; a handoff that waits too long is stuck but
 * keeps its data; a restarted node hands off what it restored without waiting for a new window.
 */
class PlumberHandoffTest {
    private static final DataSchema SCHEMA = SpecReader.read("""
            {"dataSource": "h", "timestampSpec": {"column": "t", "format": "millis"},
             "dimensionsSpec": {"dimensions": ["k"]},
             "metricsSpec": [{"type": "count", "name": "count"}, {"type": "longSum", "name": "v", "fieldName": "v"}],
             "granularitySpec": {"segmentGranularity": "minute", "queryGranularity": "none"}}""", DataSchema.class);
    private static final JsonInputRowParser PARSER = new JsonInputRowParser(SCHEMA);
    private static final Committer COMMITTER = new Committer() {
        @Override
        public Map<String, Object> metadata() {
            return Map.of("commitId", "c");
        }

        @Override
        public void run() {
        }
    };

    @TempDir
    Path base;
    @TempDir
    Path deep;

    private final AtomicLong now = new AtomicLong(60_000);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    /** The cluster: pushes copy the segment, publishes are recorded, historicals serve what a test says. */
    private final class FakeCluster implements SegmentHandoff {
        final Map<String, DataSegment> published = new ConcurrentHashMap<>();
        final Map<String, Integer> pushedRows = new ConcurrentHashMap<>();
        final Set<String> announced = ConcurrentHashMap.newKeySet();
        final Set<String> served = ConcurrentHashMap.newKeySet();
        final AtomicInteger pushes = new AtomicInteger();
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile int failEveryNthPush;

        @Override
        public DataSegment allocate(String dataSource, Interval interval, String sequenceName) {
            return new DataSegment(dataSource, interval, SegmentHandoff.versionOf(interval), Map.of(), List.of(), List.of(), 3, 0);
        }

        @Override
        public void announce(DataSegment sink) {
            announced.add(sink.id());
        }

        @Override
        public void unannounce(DataSegment sink) {
            announced.remove(sink.id());
            events.add("unannounce " + sink.id());
        }

        @Override
        public DataSegment push(Path segmentDirectory, DataSegment segment) {
            int n = pushes.incrementAndGet();
            if (failEveryNthPush > 0 && n % failEveryNthPush == 0) {
                throw new IllegalStateException("deep storage refused push " + n);
            }
            try {
                pushedRows.put(segment.id(), Segment.open(segmentDirectory).rowCount());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            events.add("push " + segment.id());
            return segment.withLoadSpec(Map.of("type", "local", "uri", deep.resolve(segment.id()).toUri().toString()), 1);
        }

        @Override
        public void publish(DataSegment segment) {
            assertThat(pushedRows).containsKey(segment.id()); // never a row for a segment not pushed
            published.put(segment.id(), segment);
            events.add("publish " + segment.id());
        }

        @Override
        public boolean isPublished(DataSegment segment) {
            return published.containsKey(segment.id());
        }

        @Override
        public boolean isServedByHistorical(DataSegment segment) {
            return served.contains(segment.id());
        }
    }

    private TuningConfig tuning(long handoffTimeout) {
        return SpecReader.read("{\"maxRowsInMemory\": 4, \"basePersistDirectory\": \"" + base
                + "\", \"rejectionPolicy\": {\"type\": \"serverTime\"}, \"windowPeriod\": \"PT10S\", \"handoffConditionTimeout\": "
                + handoffTimeout + "}", TuningConfig.class);
    }

    private static InputRow row(long t, int v) {
        return PARSER.parse(("{\"t\": " + t + ", \"k\": \"k" + v + "\", \"v\": " + v + "}").getBytes(UTF_8));
    }

    private static long total(RealtimePlumber plumber) throws Exception {
        List<?> rows = new QueryExecutor(ds -> plumber.queryablePieces()).run(QueryReader.read("""
                {"queryType": "timeseries", "dataSource": "h", "intervals": ["1970/1971"], "granularity": "all",
                 "aggregations": [{"type": "longSum", "name": "v", "fieldName": "v"}]}""".getBytes(UTF_8)));
        if (rows.isEmpty()) {
            return 0;
        }
        Map<?, ?> result = (Map<?, ?>) ((Map<?, ?>) rows.get(0)).get("result");
        return ((Number) result.get("v")).longValue();
    }

    /** Adds ten rows to the minute [60 s, 120 s), the clock inside the window. */
    private static void addMinuteOfRows(RealtimePlumber plumber) {
        for (int i = 0; i < 10; i++) {
            assertThat(plumber.add(row(61_000 + i, i + 1), () -> COMMITTER)).isTrue();
        }
    }

    private static final String SEGMENT_ID = "h_1970-01-01T00:01:00.000Z_1970-01-01T00:02:00.000Z_1970-01-01T00:01:00.000Z_3";

    @Test
    void shouldHandOffOnlyAfterTheWindowAndDropOnlyOnceAHistoricalServesIt() throws Exception {
        FakeCluster cluster = new FakeCluster();
        RealtimePlumber plumber = new RealtimePlumber(SCHEMA, tuning(0), clock, cluster);
        plumber.start(m -> true);
        addMinuteOfRows(plumber);
        assertThat(cluster.announced).containsExactly(SEGMENT_ID);

        now.set(120_000 + 9_000); // interval over, window not yet
        plumber.persistIfDue(() -> COMMITTER);
        assertThat(plumber.pendingHandoffs()).isZero();

        now.set(120_000 + 10_000);
        plumber.persistIfDue(() -> COMMITTER);
        await().atMost(Duration.ofSeconds(20)).until(() -> cluster.published.containsKey(SEGMENT_ID));
        assertThat(cluster.pushedRows).containsEntry(SEGMENT_ID, 10);
        assertThat(plumber.add(row(61_500, 100), () -> COMMITTER)).as("a row for a sink being handed off").isFalse();

        // Published but not served: the sink stays, queryable and on disk.
        assertThat(total(plumber)).isEqualTo(55);
        assertThat(plumber.handoffStatus()).singleElement().satisfies(s -> assertThat(s.get("stage")).isEqualTo("WAITING"));
        assertThat(cluster.announced).contains(SEGMENT_ID);

        cluster.served.add(SEGMENT_ID);
        await().atMost(Duration.ofSeconds(20)).until(() -> plumber.sinkCount() == 0);
        assertThat(cluster.announced).isEmpty();
        assertThat(total(plumber)).isZero();
        assertThat(plumber.metrics().handedOffSegments()).isEqualTo(1);
        try (var files = Files.list(base.resolve("h"))) {
            assertThat(files.filter(f -> !f.getFileName().toString().equals(".lock"))).as("sink files left").isEmpty();
        }
        plumber.close();
    }

    @Test
    void shouldRetryFailedPushesAndNeverPublishASegmentThatWasNotPushed() throws Exception {
        FakeCluster cluster = new FakeCluster();
        cluster.failEveryNthPush = 1; // every push fails until the test allows them
        RealtimePlumber plumber = new RealtimePlumber(SCHEMA, tuning(0), clock, cluster);
        plumber.start(m -> true);
        addMinuteOfRows(plumber);
        now.set(200_000);
        plumber.persistIfDue(() -> COMMITTER);
        await().atMost(Duration.ofSeconds(20)).until(() -> cluster.pushes.get() >= 2);
        assertThat(cluster.published).isEmpty();
        assertThat(plumber.handoffStatus()).singleElement().satisfies(s -> {
            assertThat(s.get("stage")).isEqualTo("PUSHING");
            assertThat((String) s.get("lastError")).contains("deep storage refused");
        });
        cluster.failEveryNthPush = 0;
        await().atMost(Duration.ofSeconds(30)).until(() -> cluster.published.containsKey(SEGMENT_ID));
        assertThat(cluster.events).filteredOn(e -> e.startsWith("publish")).hasSize(1);
        plumber.close();
    }

    @Test
    void shouldShowAStuckHandoffAndKeepItsData() throws Exception {
        FakeCluster cluster = new FakeCluster();
        RealtimePlumber plumber = new RealtimePlumber(SCHEMA, tuning(1), clock, cluster);
        plumber.start(m -> true);
        addMinuteOfRows(plumber);
        now.set(200_000);
        plumber.persistIfDue(() -> COMMITTER);
        await().atMost(Duration.ofSeconds(20)).until(() -> cluster.published.containsKey(SEGMENT_ID));
        now.set(300_000);
        await().atMost(Duration.ofSeconds(20)).until(() -> plumber.stuckHandoffs() == 1);
        assertThat(plumber.handoffStatus()).singleElement().satisfies(s -> assertThat(s.get("stuck")).isEqualTo(true));
        assertThat(total(plumber)).isEqualTo(55);
        assertThat(cluster.announced).contains(SEGMENT_ID);
        // It completes when a historical finally serves it.
        cluster.served.add(SEGMENT_ID);
        await().atMost(Duration.ofSeconds(20)).until(() -> plumber.sinkCount() == 0);
        plumber.close();
    }

    @Test
    void shouldResumeHandoffOfRestoredSinksWithoutWaitingAnotherWindow() throws Exception {
        FakeCluster cluster = new FakeCluster();
        RealtimePlumber first = new RealtimePlumber(SCHEMA, tuning(0), clock, cluster);
        first.start(m -> true);
        addMinuteOfRows(first);
        first.persist(COMMITTER, true);
        first.close();

        now.set(10 * 60_000); // long after the window; no new event arrives
        RealtimePlumber second = new RealtimePlumber(SCHEMA, tuning(0), clock, cluster);
        second.start(m -> true);
        assertThat(total(second)).isEqualTo(55);
        assertThat(cluster.announced).containsExactly(SEGMENT_ID); // the recorded partition, not a new one
        second.persistIfDue(() -> COMMITTER);
        await().atMost(Duration.ofSeconds(20)).until(() -> cluster.published.containsKey(SEGMENT_ID));
        assertThat(cluster.pushedRows).containsEntry(SEGMENT_ID, 10);
        cluster.served.add(SEGMENT_ID);
        await().atMost(Duration.ofSeconds(20)).until(() -> second.sinkCount() == 0);
        second.close();
    }

    @Test
    void shouldNotPushAgainWhatWasPublishedBeforeARestart() throws Exception {
        FakeCluster cluster = new FakeCluster();
        RealtimePlumber first = new RealtimePlumber(SCHEMA, tuning(0), clock, cluster);
        first.start(m -> true);
        addMinuteOfRows(first);
        now.set(200_000);
        first.persistIfDue(() -> COMMITTER);
        await().atMost(Duration.ofSeconds(20)).until(() -> cluster.published.containsKey(SEGMENT_ID));
        first.close(); // crashed while waiting for a historical

        RealtimePlumber second = new RealtimePlumber(SCHEMA, tuning(0), clock, cluster);
        second.start(m -> true);
        second.persistIfDue(() -> COMMITTER);
        cluster.served.add(SEGMENT_ID);
        await().atMost(Duration.ofSeconds(20)).until(() -> second.sinkCount() == 0);
        assertThat(cluster.pushes.get()).isEqualTo(1);
        second.close();
    }

    @Test
    void shouldRetryACommitWhoseOutcomeIsUnknownBeforeAnyLaterOne() throws Exception {
        FakeCluster cluster = new FakeCluster();
        RealtimePlumber plumber = new RealtimePlumber(SCHEMA, tuning(0), clock, cluster);
        plumber.start(m -> true);
        AtomicInteger attempts = new AtomicInteger();
        List<String> ran = new CopyOnWriteArrayList<>();
        Committer flaky = new Committer() {
            @Override
            public Map<String, Object> metadata() {
                return Map.of("commitId", "first");
            }

            @Override
            public void run() {
                if (attempts.incrementAndGet() <= 2) {
                    throw new IllegalStateException("metadata store unreachable");
                }
                ran.add("first");
            }
        };
        Committer later = new Committer() {
            @Override
            public Map<String, Object> metadata() {
                return Map.of("commitId", "second");
            }

            @Override
            public void run() {
                ran.add("second");
            }
        };
        addMinuteOfRows(plumber);
        plumber.persist(flaky, false);
        plumber.add(row(62_000, 1), () -> later);
        plumber.persist(later, true);
        assertThat(ran).containsExactly("first", "second");
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(plumber.metrics().asMap()).containsEntry("commitRetries", 2L);
        plumber.close();
    }
}
