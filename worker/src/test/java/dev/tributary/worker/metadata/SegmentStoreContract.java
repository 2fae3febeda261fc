package dev.tributary.worker.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.time.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SegmentStore} must do, run against each real database by a subclass that registers
 * the database's extension. Each test uses its own dataSource, so tests share one database per class
 * without seeing each other's rows.
 */
abstract class SegmentStoreContract {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final long WAIT_SECONDS = 60;
    static final Interval HOUR = Interval.parse("2013-08-31T00:00:00.000Z/2013-08-31T01:00:00.000Z");
    static final Interval NEXT_HOUR = Interval.parse("2013-08-31T01:00:00.000Z/2013-08-31T02:00:00.000Z");
    static final String VERSION = "2013-08-31T00:00:00.000Z";

    private final List<MetadataStore> stores = new ArrayList<>();
    private ExecutorService threads;
    MetadataStore store;
    SegmentStore segments;
    String dataSource;

    /** The config of this class's database, with tables named from {@code tablesBase}. */
    abstract MetadataStoreConfig config(String tablesBase);

    /**
     * Makes the next insert into {@code table} of {@link #store} fail once with a transient error, as a
     * connection lost mid-transaction would.
     *
     * @return how many inserts into the table have been tried since, for proving the retry
     */
    abstract Callable<Integer> failTheNextInsertOnce(String table) throws Exception;

    @BeforeEach
    void openStore() {
        threads = Executors.newFixedThreadPool(2);
        store = open("tributary");
        segments = store.segmentStore();
        dataSource = unique("wikipedia");
    }

    @AfterEach
    void closeStores() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        stores.forEach(MetadataStore::close);
    }

    MetadataStore open(String tablesBase) {
        MetadataStore opened = MetadataStore.open(config(tablesBase));
        stores.add(opened);
        return opened;
    }

    static String unique(String prefix) {
        return prefix + "_" + NAMES.incrementAndGet() + "_" + System.nanoTime() % 100_000;
    }

    DataSegment segment(Interval interval, int partition) {
        return new DataSegment(dataSource, interval, VERSION,
                Map.of("type", "s3_zip", "bucket", "deep", "key", dataSource + "/" + partition + "/index.zip",
                        "options", Map.of("retries", 3, "tags", List.of("a", "b"))),
                List.of("page", "language", "user"), List.of("count", "added"), partition, 1_000L + partition);
    }

    /** This test's used segments: other tests of the class share the table. */
    List<DataSegment> usedSegments() {
        return segments.usedSegments().stream().filter(s -> s.dataSource().equals(dataSource)).toList();
    }

    long rowsWithId(String table, String id) {
        return store.withHandle("count rows", handle -> handle.createQuery("SELECT COUNT(*) FROM " + table
                + " WHERE id = :id").bind("id", id).mapTo(Long.class).one());
    }

    long pendingRowsWithId(String id) {
        return rowsWithId(store.config().pendingSegmentsTable(), id);
    }

    /** Runs both tasks at once (as close as a barrier gets them) and returns their results in order. */
    <T> List<T> concurrently(Callable<T> first, Callable<T> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Future<T> a = threads.submit(() -> {
            start.await(WAIT_SECONDS, TimeUnit.SECONDS);
            return first.call();
        });
        Future<T> b = threads.submit(() -> {
            start.await(WAIT_SECONDS, TimeUnit.SECONDS);
            return second.call();
        });
        return List.of(a.get(WAIT_SECONDS, TimeUnit.SECONDS), b.get(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void shouldGiveEachSequenceTheSamePartitionEveryTime() {
        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "sink-a")).isZero();
        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "sink-b")).isEqualTo(1);

        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "sink-a")).isZero();
        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "sink-b")).isEqualTo(1);
        assertThat(open("tributary").segmentStore().allocatePartition(dataSource, HOUR, VERSION, "sink-b"))
                .isEqualTo(1);
    }

    @Test
    void shouldNumberEachDataSourceIntervalAndVersionFromZero() {
        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "s1")).isZero();
        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "s2")).isEqualTo(1);

        assertThat(segments.allocatePartition(dataSource, NEXT_HOUR, VERSION, "s1")).isZero();
        assertThat(segments.allocatePartition(dataSource, HOUR, "v2", "s3")).isZero();
        assertThat(segments.allocatePartition(dataSource + "_other", HOUR, VERSION, "s1")).isZero();
    }

    @Test
    void shouldAllocatePastEveryPublishedPartitionUsedOrNot() {
        for (int partition = 0; partition < 3; partition++) {
            assertThat(segments.publish(segment(HOUR, partition))).isTrue();
        }
        segments.markUnused(segment(HOUR, 2).id());

        // An unused segment keeps its id, so its partition number is never handed out again.
        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "late-sink")).isEqualTo(3);
        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "later-sink")).isEqualTo(4);
    }

    @Test
    void shouldRefuseASequenceThatAlreadyHoldsAPartitionOfAnotherVersion() {
        segments.allocatePartition(dataSource, HOUR, VERSION, "sink");

        assertThatThrownBy(() -> segments.allocatePartition(dataSource, HOUR, "v2", "sink"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sequence 'sink' already holds partition 0").hasMessageContaining(VERSION)
                .hasMessageContaining("name one sequence per (dataSource, interval, version)");
    }

    @Test
    void shouldGiveConcurrentAllocatorsInTwoStoresDistinctDensePartitions() throws Exception {
        int perAllocator = 25;
        SegmentStore first = open("tributary").segmentStore();
        SegmentStore second = open("tributary").segmentStore();
        Callable<List<Integer>> a = () -> IntStream.range(0, perAllocator)
                .mapToObj(i -> first.allocatePartition(dataSource, HOUR, VERSION, "a-" + i)).toList();
        Callable<List<Integer>> b = () -> IntStream.range(0, perAllocator)
                .mapToObj(i -> second.allocatePartition(dataSource, HOUR, VERSION, "b-" + i)).toList();

        List<List<Integer>> allocated = concurrently(a, b);

        List<Integer> all = new ArrayList<>(allocated.get(0));
        all.addAll(allocated.get(1));
        assertThat(all).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 2 * perAllocator).boxed().toList());
        // Each allocator's numbers rise: it never gets one below a number it already holds.
        assertThat(allocated.get(0)).isSorted();
        assertThat(allocated.get(1)).isSorted();
        for (int i = 0; i < perAllocator; i++) {
            assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "a-" + i))
                    .isEqualTo(allocated.get(0).get(i));
        }
    }

    @Test
    void shouldGiveOneSequenceOnePartitionWhenItIsAllocatedTwiceAtOnce() throws Exception {
        SegmentStore other = open("tributary").segmentStore();
        for (int round = 0; round < 20; round++) {
            String sequence = "sink-" + round;

            List<Integer> partitions = concurrently(
                    () -> segments.allocatePartition(dataSource, HOUR, VERSION, sequence),
                    () -> other.allocatePartition(dataSource, HOUR, VERSION, sequence));

            assertThat(partitions).containsExactly(round, round);
        }
    }

    @Test
    void shouldPublishASegmentOnceAndAnswerARepeatWithFalse() {
        DataSegment segment = segment(HOUR, 0);

        assertThat(segments.isPublished(segment.id())).isFalse();
        assertThat(segments.publish(segment)).isTrue();
        assertThat(segments.publish(segment)).isFalse();
        // A restarted node may push again, to another path: the published row stays as it was.
        assertThat(segments.publish(segment.withLoadSpec(Map.of("type", "local", "path", "/elsewhere"), 1))).isFalse();

        assertThat(rowsWithId(store.config().segmentsTable(), segment.id())).isEqualTo(1);
        assertThat(segments.isPublished(segment.id())).isTrue();
        assertThat(usedSegments()).containsExactly(segment);
    }

    @Test
    void shouldDeleteOnlyThePublishedSegmentsPendingRowAndAcceptARetry() {
        int published = segments.allocatePartition(dataSource, HOUR, VERSION, "sink-a");
        int stillPending = segments.allocatePartition(dataSource, HOUR, VERSION, "sink-b");
        DataSegment segment = segment(HOUR, published);
        assertThat(pendingRowsWithId(segment.id())).isEqualTo(1);

        assertThat(segments.publish(segment)).isTrue();

        assertThat(pendingRowsWithId(segment.id())).isZero();
        assertThat(pendingRowsWithId(segment(HOUR, stillPending).id())).isEqualTo(1);
        // A retry after an unknown outcome finds the segment and has no pending row left to delete.
        assertThat(segments.publish(segment)).isFalse();
        assertThat(pendingRowsWithId(segment.id())).isZero();
        assertThat(rowsWithId(store.config().segmentsTable(), segment.id())).isEqualTo(1);
        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "sink-b")).isEqualTo(stillPending);
    }

    @Test
    void shouldNeverAllocateAPublishedPartitionAgainOnceItsPendingRowIsDeleted() {
        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "sink-0")).isZero();
        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "sink-1")).isEqualTo(1);
        // The highest partition is published: only its segment row now holds the number.
        segments.publish(segment(HOUR, 1));

        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "sink-2")).isEqualTo(2);
        segments.publish(segment(HOUR, 0));
        segments.publish(segment(HOUR, 2));
        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "sink-3")).isEqualTo(3);
    }

    @Test
    void shouldGiveASequenceANewPartitionWhenItAsksAgainAfterItsSegmentIsPublished() {
        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "sink")).isZero();
        segments.publish(segment(HOUR, 0));

        // Its allocation went with the publish, so the name is a new sink's: it gets the next number,
        // never the published one (the plumber names every new sink afresh, so it never asks this).
        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "sink")).isEqualTo(1);
        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "sink")).isEqualTo(1);
        assertThat(pendingRowsWithId(segment(HOUR, 1).id())).isEqualTo(1);
    }

    @Test
    void shouldNotAllocateAPartitionBeingPublishedAtTheSameTime() throws Exception {
        SegmentStore other = open("tributary").segmentStore();
        for (int round = 0; round < 20; round++) {
            int published = segments.allocatePartition(dataSource, HOUR, VERSION, "published-" + round);
            String next = "next-" + round;

            List<Integer> partitions = concurrently(() -> {
                segments.publish(segment(HOUR, published));
                return published;
            }, () -> other.allocatePartition(dataSource, HOUR, VERSION, next));

            assertThat(partitions.get(1)).isGreaterThan(published);
            assertThat(pendingRowsWithId(segment(HOUR, published).id())).isZero();
        }
    }

    @Test
    void shouldInsertOneRowWhenTwoPublishersRace() throws Exception {
        SegmentStore other = open("tributary").segmentStore();
        for (int partition = 0; partition < 10; partition++) {
            DataSegment segment = segment(HOUR, partition);

            List<Boolean> inserted = concurrently(() -> segments.publish(segment), () -> other.publish(segment));

            assertThat(inserted).containsExactlyInAnyOrder(true, false);
            assertThat(rowsWithId(store.config().segmentsTable(), segment.id())).isEqualTo(1);
        }
    }

    @Test
    void shouldReadBackEveryUsedSegmentEqualToThePublishedOneInOrder() {
        List<DataSegment> published = List.of(segment(NEXT_HOUR, 1), segment(HOUR, 2), segment(NEXT_HOUR, 0),
                segment(HOUR, 0), new DataSegment(dataSource, HOUR, "2013-08-30T12:00:00.000Z", null, null, null, 0, 0));
        published.forEach(segments::publish);

        List<DataSegment> used = usedSegments();

        assertThat(used).containsExactly(published.get(4), published.get(3), published.get(1), published.get(2),
                published.get(0));
        DataSegment read = used.get(1);
        DataSegment original = published.get(3);
        assertThat(read.loadSpec()).isEqualTo(original.loadSpec());
        assertThat(read.dimensions()).containsExactly("page", "language", "user");
        assertThat(read.metrics()).containsExactly("count", "added");
        assertThat(read.partitionNum()).isZero();
        assertThat(read.size()).isEqualTo(1_000L);
        assertThat(used.get(2).partitionNum()).isEqualTo(2);
        assertThat(used.get(2).id()).endsWith("_2");
    }

    @Test
    void shouldWriteDruidsColumns() {
        DataSegment segment = segment(HOUR, 4);
        segments.publish(segment);

        Map<String, Object> row = store.withHandle("read the row", handle -> handle.createQuery(
                        "SELECT dataSource, start, \"end\", partitioned, version, used, payload, created_date FROM "
                                + store.config().segmentsTable() + " WHERE id = :id")
                .bind("id", segment.id())
                .map((rs, ctx) -> Map.<String, Object>of("dataSource", rs.getString(1), "start", rs.getString(2),
                        "end", rs.getString(3), "partitioned", rs.getBoolean(4), "version", rs.getString(5),
                        "used", rs.getBoolean(6), "payload", rs.getString(7), "created", rs.getString(8)))
                .one());

        assertThat(row).containsEntry("dataSource", dataSource)
                .containsEntry("start", "2013-08-31T00:00:00.000Z").containsEntry("end", "2013-08-31T01:00:00.000Z")
                .containsEntry("partitioned", true).containsEntry("version", VERSION).containsEntry("used", true);
        assertThat((String) row.get("payload")).contains("\"identifier\":\"" + segment.id() + "\"")
                .contains("\"shardSpec\":{\"type\":\"numbered\",\"partitionNum\":4,\"partitions\":0}");
        assertThat((String) row.get("created")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void shouldHideASegmentMarkedUnusedAndKeepItsRow() {
        DataSegment kept = segment(HOUR, 0);
        DataSegment dropped = segment(HOUR, 1);
        segments.publish(kept);
        segments.publish(dropped);

        assertThat(segments.markUnused(dropped.id())).isTrue();
        assertThat(segments.markUnused(dropped.id())).isFalse();
        assertThat(segments.markUnused("never-published")).isFalse();

        assertThat(usedSegments()).containsExactly(kept);
        assertThat(segments.isPublished(dropped.id())).isFalse();
        assertThat(segments.isPublished(kept.id())).isTrue();
        // Publishing it again does not bring it back: its row is there, unused.
        assertThat(segments.publish(dropped)).isFalse();
        assertThat(usedSegments()).containsExactly(kept);
        assertThat(rowsWithId(store.config().segmentsTable(), dropped.id())).isEqualTo(1);
    }

    @Test
    void shouldKeepSegmentsAndAllocationsWhenTheSchemaIsCreatedAgain() {
        String base = unique("again");
        SegmentStore first = open(base).segmentStore();
        first.publish(segment(HOUR, 0));
        first.allocatePartition(dataSource, HOUR, VERSION, "sink-1");

        SegmentStore second = open(base).segmentStore();

        assertThat(second.isPublished(segment(HOUR, 0).id())).isTrue();
        assertThat(second.allocatePartition(dataSource, HOUR, VERSION, "sink-1")).isEqualTo(1);
        assertThat(second.allocatePartition(dataSource, HOUR, VERSION, "sink-2")).isEqualTo(2);
    }

    @Test
    void shouldCreateTheSchemaWhenTwoProcessesStartAtOnce() throws Exception {
        // Several fresh table sets, to give the create-create race (of the index, too) a few chances.
        for (int round = 0; round < 10; round++) {
            String base = unique("race");
            List<MetadataStore> opened = concurrently(() -> MetadataStore.open(config(base)),
                    () -> MetadataStore.open(config(base)));
            // Closed every round: a PostgreSQL server allows only so many connections.
            try (MetadataStore first = opened.get(0); MetadataStore second = opened.get(1)) {
                String table = first.config().segmentsTable();
                boolean found = first.withHandle("find the index",
                        handle -> Schema.indexExists(handle, table, table + "_used"));
                boolean foundUnknown = second.withHandle("find no index",
                        handle -> Schema.indexExists(handle, table, table + "_unknown"));
                assertThat(found).isTrue();
                assertThat(foundUnknown).isFalse();
                assertThat(second.segmentStore().allocatePartition(dataSource, HOUR, VERSION, base)).isZero();
            }
        }
    }

    @Test
    void shouldPublishOnceWhenTheFirstAttemptFailsTransiently() throws Exception {
        DataSegment segment = segment(HOUR, segments.allocatePartition(dataSource, HOUR, VERSION, "sink"));
        Callable<Integer> attempts = failTheNextInsertOnce(store.config().segmentsTable());

        assertThat(segments.publish(segment)).isTrue();

        assertThat(attempts.call()).as("inserts tried").isEqualTo(2);
        assertThat(rowsWithId(store.config().segmentsTable(), segment.id())).isEqualTo(1);
        assertThat(pendingRowsWithId(segment.id())).isZero();
        assertThat(usedSegments()).containsExactly(segment);
    }

    @Test
    void shouldAllocateOnePartitionWhenTheFirstAttemptFailsTransiently() throws Exception {
        segments.allocatePartition(dataSource, HOUR, VERSION, "sink-0");
        Callable<Integer> attempts = failTheNextInsertOnce(store.config().pendingSegmentsTable());

        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "sink-1")).isEqualTo(1);

        assertThat(attempts.call()).as("inserts tried").isEqualTo(2);
        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "sink-2")).isEqualTo(2);
    }

    @Test
    void shouldRefuseBadNamesAndOverlongIdsBeforeTouchingTheDatabase() {
        String longName = "d".repeat(200);

        assertThatThrownBy(() -> segments.allocatePartition(longName, HOUR, VERSION, "s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 255")
                .hasMessageContaining("shorten the dataSource or the version");
        assertThatThrownBy(() -> segments.publish(new DataSegment(longName, HOUR, VERSION, null, null, null, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 255");
        assertThatThrownBy(() -> segments.allocatePartition(dataSource, HOUR, VERSION, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequenceName");
        assertThatThrownBy(() -> segments.allocatePartition(dataSource, HOUR, VERSION, "s".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequenceName");
        assertThat(segments.allocatePartition(dataSource, HOUR, VERSION, "s")).isZero();
    }
}
