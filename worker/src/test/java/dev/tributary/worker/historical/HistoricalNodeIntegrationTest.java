package dev.tributary.worker.historical;

import static dev.tributary.worker.historical.HistoricalCluster.clusterTotal;
import static dev.tributary.worker.historical.HistoricalCluster.failedSegments;
import static dev.tributary.worker.historical.HistoricalCluster.localTotal;
import static dev.tributary.worker.historical.TestSegments.TOTALS;
import static dev.tributary.worker.historical.TestSegments.keyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.deepstorage.LocalDeepStorage;
import dev.tributary.testing.ZooKeeperExtension;
import dev.tributary.worker.NodeClient;
import dev.tributary.worker.cluster.ServerInfo;
import dev.tributary.worker.metadata.DataSegment;
import dev.tributary.worker.server.HistoricalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One historical node in this JVM on a real ZooKeeper, the embedded metadata store and local deep
 * storage, with segments built, pushed and published the way a realtime node hands off: it loads,
 * announces, serves and drops what the metadata store says, reuses its cache across a restart
 * (pulling a damaged copy again) and cleans it, refuses loadSpecs outside deep storage, and says
 * which segments it could not load.
 */
class HistoricalNodeIntegrationTest {
    @RegisterExtension
    static final ZooKeeperExtension ZOOKEEPER = new ZooKeeperExtension();

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    @TempDir
    Path storage;

    private HistoricalCluster cluster;
    private LocalDeepStorage deepStorage;
    private TestSegments segments;

    @BeforeEach
    void startCluster() {
        cluster = new HistoricalCluster(dir, storage.resolve("deep"), ZOOKEEPER.connectString());
        deepStorage = cluster.deepStorage();
        segments = cluster.segments();
    }

    @AfterEach
    void stopCluster() throws Exception {
        cluster.close();
    }

    @Test
    void shouldLoadAnnounceAndServeAPublishedSegment() {
        DataSegment segment = segments.publish(deepStorage, 3, 42);

        HistoricalServer historical = cluster.startHistorical("h1");

        await().atMost(WAIT).until(() -> cluster.announcedBy(historical).equals(Set.of(segment.id())));
        assertThat(historical.node().servedSegments()).containsExactly(segment.id());
        assertThat(cluster.zooKeeper().serversOf(segment.id())).extracting(ServerInfo::port).containsExactly(historical.port());
        assertThat(cluster.zooKeeper().segmentsByServer().values()).as("the announcement is the published segment")
                .containsExactly(List.of(segment));
        assertThat(localTotal(historical)).isEqualTo(42);
        assertThat(clusterTotal(historical)).as("the same query through the cluster view").isEqualTo(42);
        assertThat(historical.node().status()).containsEntry("role", "historical").containsEntry("segments", 1)
                .containsEntry("cacheBytes", segment.size()).containsEntry("failedSegments", Map.of())
                .containsEntry("replicationFactor", 1);
        assertThat(cluster.cacheOf("h1").resolve(keyOf(segment).relativePath())).isDirectory();
    }

    @Test
    void shouldDropASegmentOnceItIsMarkedUnused() {
        DataSegment first = segments.publish(deepStorage, 1, 10);
        DataSegment second = segments.publish(deepStorage, 2, 20);
        HistoricalServer historical = cluster.startHistorical("h1");
        await().atMost(WAIT).until(() -> cluster.announcedBy(historical).equals(Set.of(first.id(), second.id())));
        assertThat(localTotal(historical)).isEqualTo(30);

        assertThat(cluster.segmentStore().markUnused(first.id())).isTrue();

        await().atMost(WAIT).until(() -> cluster.announcedBy(historical).equals(Set.of(second.id())));
        assertThat(historical.node().servedSegments()).containsExactly(second.id());
        assertThat(cluster.cacheOf("h1").resolve(keyOf(first).relativePath())).doesNotExist();
        assertThat(cluster.cacheOf("h1").resolve(keyOf(second).relativePath())).isDirectory();
        assertThat(localTotal(historical)).isEqualTo(20);
        assertThat(historical.node().status()).containsEntry("cacheBytes", second.size());

        assertThat(cluster.segmentStore().markUnused(second.id())).isTrue();

        await().atMost(WAIT).until(() -> cluster.announcedBy(historical).isEmpty()
                && historical.node().servedSegments().isEmpty());
        assertThat(cluster.cacheOf("h1")).as("the cache, emptied").isEmptyDirectory();
        NodeClient.Response response = new NodeClient(historical.port()).queryLocal(TOTALS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).as("the answer without segments").isEmpty();
        assertThat(historical.node().status()).containsEntry("cacheBytes", 0L).containsEntry("segments", 0);
    }

    @Test
    void shouldServeFromItsCacheAfterARestartWhenDeepStorageIsGone() throws Exception {
        DataSegment segment = segments.publish(deepStorage, 4, 25);
        HistoricalServer first = cluster.startHistorical("h1");
        await().atMost(WAIT).until(() -> cluster.announcedBy(first).equals(Set.of(segment.id())));
        first.close();
        await().atMost(WAIT).until(() -> cluster.zooKeeper().servers().isEmpty());
        deleteTree(deepStorage.base());

        HistoricalServer restarted = cluster.startHistorical("h1");

        await().atMost(WAIT).until(() -> cluster.announcedBy(restarted).equals(Set.of(segment.id())));
        assertThat(deepStorage.base()).doesNotExist();
        assertThat(localTotal(restarted)).isEqualTo(25);
        assertThat(failedSegments(restarted)).isEmpty();
        assertThat(restarted.node().status()).containsEntry("cacheBytes", segment.size());
    }

    @Test
    void shouldPullADamagedCachedCopyAgainWhenItRestarts() throws Exception {
        DataSegment segment = segments.publish(deepStorage, 4, 25);
        HistoricalServer first = cluster.startHistorical("h1");
        await().atMost(WAIT).until(() -> cluster.announcedBy(first).equals(Set.of(segment.id())));
        first.close();
        await().atMost(WAIT).until(() -> cluster.zooKeeper().servers().isEmpty());
        Path copy = cluster.cacheOf("h1").resolve(keyOf(segment).relativePath());
        Path column;
        try (Stream<Path> files = Files.list(copy)) {
            column = files.filter(f -> f.getFileName().toString().endsWith(".col")).findFirst().orElseThrow();
        }
        byte[] damaged = Files.readAllBytes(column);
        damaged[0] ^= 0x5a;
        Files.write(column, damaged);

        HistoricalServer restarted = cluster.startHistorical("h1");

        await().atMost(WAIT).until(() -> cluster.announcedBy(restarted).equals(Set.of(segment.id())));
        assertThat(localTotal(restarted)).isEqualTo(25);
        assertThat(Files.readAllBytes(column)).as("the column file, pulled again").isNotEqualTo(damaged);
        assertThat(failedSegments(restarted)).isEmpty();
    }

    @Test
    void shouldDeleteCachedCopiesOfSegmentsNoLongerUsedWhenItRestarts() throws Exception {
        DataSegment kept = segments.publish(deepStorage, 1, 10);
        DataSegment unused = segments.publish(deepStorage, 2, 20);
        HistoricalServer first = cluster.startHistorical("h1");
        await().atMost(WAIT).until(() -> cluster.announcedBy(first).equals(Set.of(kept.id(), unused.id())));
        first.close();
        await().atMost(WAIT).until(() -> cluster.zooKeeper().servers().isEmpty());
        cluster.segmentStore().markUnused(unused.id());
        Path cache = cluster.cacheOf("h1");
        Path notASegment = Files.createDirectories(cache.resolve("notes/a/b/c"));
        Files.writeString(notASegment.resolve("keep.txt"), "not ours to delete");

        HistoricalServer restarted = cluster.startHistorical("h1");

        await().atMost(WAIT).until(() -> cluster.announcedBy(restarted).equals(Set.of(kept.id())));
        await().atMost(WAIT).untilAsserted(() -> assertThat(cache.resolve(keyOf(unused).relativePath()))
                .as("the copy of the unused segment").doesNotExist());
        assertThat(cache.resolve(keyOf(kept).relativePath())).isDirectory();
        assertThat(cache.resolve(keyOf(unused).dataSource()).resolve(keyOf(unused).pathElements().get(1)))
                .as("the emptied interval directory of the unused segment").doesNotExist();
        assertThat(notASegment.resolve("keep.txt")).as("a file that is not a cached segment").exists();
        assertThat(restarted.node().status()).containsEntry("cacheBytes", kept.size());
        assertThat(localTotal(restarted)).isEqualTo(10);
    }

    @Test
    void shouldRefuseLoadSpecsOutsideDeepStorageAndStillServeTheOthers() throws Exception {
        // A real, whole segment, but in another deep storage next to ours.
        LocalDeepStorage elsewhere = new LocalDeepStorage(storage.resolve("elsewhere"));
        DataSegment outside = segments.push(elsewhere, 5, 7);
        cluster.segmentStore().publish(outside);
        DataSegment root = TestSegments.descriptor(6).withLoadSpec(Map.of("type", "local", "uri", "file:/etc/"), 100);
        cluster.segmentStore().publish(root);
        DataSegment climbing = segments.push(elsewhere, 7, 9);
        String climbingUri = "file://" + deepStorage.base() + "/../elsewhere/" + keyOf(climbing).relativePath();
        climbing = climbing.withLoadSpec(Map.of("type", "local", "uri", climbingUri), climbing.size());
        cluster.segmentStore().publish(climbing);
        DataSegment valid = segments.publish(deepStorage, 8, 11);
        Map<Path, String> storageBefore = snapshot(storage);
        Set<String> refused = Set.of(outside.id(), root.id(), climbing.id());

        HistoricalServer historical = cluster.startHistorical("h1");

        await().atMost(WAIT).until(() -> failedSegments(historical).keySet().equals(refused)
                && cluster.announcedBy(historical).equals(Set.of(valid.id())));
        assertThat(failedSegments(historical).values()).allSatisfy(message -> assertThat(message).contains("outside"));
        assertThat(historical.node().servedSegments()).containsExactly(valid.id());
        assertThat(localTotal(historical)).as("only the valid segment").isEqualTo(11);
        assertThat(snapshot(storage)).as("deep storage and the directory beside it, untouched").isEqualTo(storageBefore);
        Path cache = cluster.cacheOf("h1");
        Path validCopy = cache.resolve(keyOf(valid).relativePath());
        assertThat(snapshot(cache).keySet()).as("the cache holds the valid segment and nothing else")
                .allMatch(path -> validCopy.startsWith(cache.resolve(path)) || cache.resolve(path).startsWith(validCopy));
        assertThat(historical.node().status().get("lastError")).asString().contains("outside");
    }

    @Test
    void shouldReportTheSegmentsThatDoNotFitInTheCacheAndLoadThemOnceThereIsRoom() {
        List<DataSegment> published = IntStream.range(0, 3).mapToObj(hour -> segments.publish(deepStorage, hour, 50)).toList();
        Set<String> ids = published.stream().map(DataSegment::id).collect(Collectors.toSet());
        long largest = published.stream().mapToLong(DataSegment::size).max().orElseThrow();
        long smallest = published.stream().mapToLong(DataSegment::size).min().orElseThrow();
        long maxBytes = largest + smallest - 1; // room for any one segment, never for two

        HistoricalServer historical = cluster.startHistorical("h1", "tributary.segmentCache.maxSizeBytes", Long.toString(maxBytes));

        await().atMost(WAIT).until(() -> cluster.announcedBy(historical).size() == 1 && failedSegments(historical).size() == 2);
        String served = historical.node().servedSegments().iterator().next();
        assertThat(cluster.announcedBy(historical)).containsExactly(served);
        Map<String, String> failed = failedSegments(historical);
        assertThat(failed.keySet()).doesNotContain(served).isSubsetOf(ids);
        failed.forEach((id, message) -> assertThat(message).contains(id).contains("tributary.segmentCache.maxSizeBytes"));
        assertThat(localTotal(historical)).isEqualTo(50);
        assertThat((Long) historical.node().status().get("cacheBytes")).isLessThanOrEqualTo(maxBytes);
        assertThat(historical.node().status()).containsEntry("cacheMaxBytes", maxBytes);

        cluster.segmentStore().markUnused(served);

        await().atMost(WAIT).until(() -> cluster.announcedBy(historical).size() == 1
                && !cluster.announcedBy(historical).contains(served) && failedSegments(historical).size() == 1);
        assertThat(failedSegments(historical).keySet()).doesNotContainAnyElementsOf(cluster.announcedBy(historical));
        assertThat(localTotal(historical)).isEqualTo(50);
    }

    /** Every file and directory under {@code root}, with its size and modification time. */
    private static Map<Path, String> snapshot(Path root) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                files.put(root.relativize(path), attributes.size() + " " + attributes.lastModifiedTime());
            }
        }
        return files;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
