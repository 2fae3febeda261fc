package dev.tributary.worker.historical;

import static dev.tributary.worker.historical.TestSegments.TOTALS;
import static dev.tributary.worker.historical.TestSegments.keyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.deepstorage.LocalDeepStorage;
import dev.tributary.testing.ZooKeeperExtension;
import dev.tributary.worker.NodeClient;
import dev.tributary.worker.cluster.Announcer;
import dev.tributary.worker.cluster.ClusterView;
import dev.tributary.worker.cluster.ServerInfo;
import dev.tributary.worker.cluster.ZooKeeperConfig;
import dev.tributary.worker.config.DeepStorageConfig;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.metadata.DataSegment;
import dev.tributary.worker.metadata.MetadataStore;
import dev.tributary.worker.metadata.MetadataStoreConfig;
import dev.tributary.worker.server.HistoricalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Historical nodes in this JVM on a real ZooKeeper, the embedded metadata store and local deep
 * storage, with segments built, pushed and published the way a realtime node hands off: they load,
 * announce, serve and drop what the metadata store says, reuse their cache across a restart, refuse
 * loadSpecs outside deep storage, split segments between them without a coordinator, and say which
 * segments they could not load. A separate {@link ClusterView} checks what ZooKeeper holds.
 */
class HistoricalNodeIntegrationTest {
    @RegisterExtension
    static final ZooKeeperExtension ZOOKEEPER = new ZooKeeperExtension();

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    @TempDir
    Path storage;

    private final List<AutoCloseable> open = new ArrayList<>();
    private String zooKeeperBase;
    private MetadataStore store;
    private LocalDeepStorage deepStorage;
    private TestSegments segments;
    private CuratorFramework client;
    private ClusterView zooKeeper;

    @BeforeEach
    void startCluster() {
        zooKeeperBase = "/historical-test-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        deepStorage = new LocalDeepStorage(storage.resolve("deep"));
        store = MetadataStore.open(MetadataStoreConfig.from(props("test")));
        open.add(store);
        segments = new TestSegments(dir.resolve("build"), store.segmentStore());
        client = new ZooKeeperConfig(ZOOKEEPER.connectString(), zooKeeperBase, 10_000, 5_000).newClient();
        open.add(client);
        zooKeeper = new ClusterView(client, zooKeeperBase);
        open.add(zooKeeper);
        zooKeeper.start();
    }

    @AfterEach
    void stopCluster() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private Properties props(String node) {
        Properties props = new Properties();
        props.setProperty("tributary.metadata.storage.embedded.directory", dir.resolve("metadata").toString());
        props.setProperty("tributary.zk.service.host", ZOOKEEPER.connectString());
        props.setProperty("tributary.zk.paths.base", zooKeeperBase);
        props.setProperty("tributary.storage.type", "local");
        props.setProperty("tributary.storage.storageDirectory", deepStorage.base().toString());
        props.setProperty("tributary.historical.pollPeriodMillis", "200");
        props.setProperty("tributary.segmentCache.location", cacheOf(node).toString());
        return props;
    }

    private Path cacheOf(String node) {
        return dir.resolve(node + "-cache");
    }

    /** Starts a historical on a free port; {@code overrides} are key, value pairs of runtime.properties. */
    private HistoricalServer startHistorical(String node, String... overrides) {
        Properties props = props(node);
        for (int i = 0; i < overrides.length; i += 2) {
            props.setProperty(overrides[i], overrides[i + 1]);
        }
        HistoricalServer server = HistoricalServer.start(NodeConfig.defaults().withPort(0), MetadataStoreConfig.from(props),
                ZooKeeperConfig.from(props), DeepStorageConfig.from(props), HistoricalConfig.from(props));
        open.add(server);
        return server;
    }

    private static long localTotal(HistoricalServer historical) {
        NodeClient.Response response = new NodeClient(historical.port()).queryLocal(TOTALS);
        assertThat(response.status()).as("query status: %s", response.body()).isEqualTo(200);
        return TotalsLoop.total(response);
    }

    /** The ids ZooKeeper says {@code historical} announces. */
    private Set<String> announcedBy(HistoricalServer historical) {
        return zooKeeper.segmentsByServer().entrySet().stream()
                .filter(e -> e.getKey().port() == historical.port() && e.getKey().role().equals(ServerInfo.HISTORICAL))
                .flatMap(e -> e.getValue().stream().map(DataSegment::id))
                .collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> failedSegments(HistoricalServer historical) {
        return (Map<String, String>) historical.node().status().get("failedSegments");
    }

    private static Set<String> ids(List<DataSegment> segments) {
        return segments.stream().map(DataSegment::id).collect(Collectors.toSet());
    }

    @Test
    void shouldLoadAnnounceAndServeAPublishedSegment() {
        DataSegment segment = segments.publish(deepStorage, 3, 42);

        HistoricalServer historical = startHistorical("h1");

        await().atMost(WAIT).until(() -> announcedBy(historical).equals(Set.of(segment.id())));
        assertThat(historical.node().servedSegments()).containsExactly(segment.id());
        assertThat(zooKeeper.serversOf(segment.id())).extracting(ServerInfo::port).containsExactly(historical.port());
        assertThat(zooKeeper.segmentsByServer().values()).containsExactly(List.of(segment));
        assertThat(localTotal(historical)).isEqualTo(42);
        NodeClient.Response viaCluster = new NodeClient(historical.port()).query(TOTALS);
        assertThat(TotalsLoop.total(viaCluster)).as("the same query through the cluster view").isEqualTo(42);
        Map<String, Object> status = historical.node().status();
        assertThat(status).containsEntry("role", "historical").containsEntry("segments", 1)
                .containsEntry("cacheBytes", segment.size()).containsEntry("failedSegments", Map.of())
                .containsEntry("replicationFactor", 1);
        assertThat(cacheOf("h1").resolve(keyOf(segment).relativePath())).isDirectory();
    }

    @Test
    void shouldDropASegmentOnceItIsMarkedUnused() {
        DataSegment first = segments.publish(deepStorage, 1, 10);
        DataSegment second = segments.publish(deepStorage, 2, 20);
        HistoricalServer historical = startHistorical("h1");
        await().atMost(WAIT).until(() -> announcedBy(historical).equals(Set.of(first.id(), second.id())));
        assertThat(localTotal(historical)).isEqualTo(30);

        assertThat(store.segmentStore().markUnused(first.id())).isTrue();

        await().atMost(WAIT).until(() -> announcedBy(historical).equals(Set.of(second.id())));
        assertThat(historical.node().servedSegments()).containsExactly(second.id());
        assertThat(cacheOf("h1").resolve(keyOf(first).relativePath())).doesNotExist();
        assertThat(cacheOf("h1").resolve(keyOf(second).relativePath())).isDirectory();
        assertThat(localTotal(historical)).isEqualTo(20);
        assertThat(historical.node().status()).containsEntry("cacheBytes", second.size());

        assertThat(store.segmentStore().markUnused(second.id())).isTrue();

        await().atMost(WAIT).until(() -> announcedBy(historical).isEmpty() && historical.node().servedSegments().isEmpty());
        assertThat(cacheOf("h1")).as("the cache, emptied").isEmptyDirectory();
        NodeClient.Response response = new NodeClient(historical.port()).queryLocal(TOTALS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).as("the answer without segments").isEmpty();
        assertThat(historical.node().status()).containsEntry("cacheBytes", 0L).containsEntry("segments", 0);
    }

    @Test
    void shouldServeFromItsCacheAfterARestartWhenDeepStorageIsGone() throws Exception {
        DataSegment segment = segments.publish(deepStorage, 4, 25);
        HistoricalServer first = startHistorical("h1");
        await().atMost(WAIT).until(() -> announcedBy(first).equals(Set.of(segment.id())));
        first.close();
        await().atMost(WAIT).until(() -> zooKeeper.servers().isEmpty());
        deleteTree(deepStorage.base());

        HistoricalServer restarted = startHistorical("h1");

        await().atMost(WAIT).until(() -> announcedBy(restarted).equals(Set.of(segment.id())));
        assertThat(deepStorage.base()).doesNotExist();
        assertThat(localTotal(restarted)).isEqualTo(25);
        assertThat(failedSegments(restarted)).isEmpty();
        assertThat(restarted.node().status()).containsEntry("cacheBytes", segment.size());
    }

    @Test
    void shouldDeleteCachedCopiesOfSegmentsNoLongerUsedWhenItRestarts() throws Exception {
        DataSegment kept = segments.publish(deepStorage, 1, 10);
        DataSegment unused = segments.publish(deepStorage, 2, 20);
        HistoricalServer first = startHistorical("h1");
        await().atMost(WAIT).until(() -> announcedBy(first).equals(Set.of(kept.id(), unused.id())));
        first.close();
        await().atMost(WAIT).until(() -> zooKeeper.servers().isEmpty());
        store.segmentStore().markUnused(unused.id());
        Path notASegment = Files.createDirectories(cacheOf("h1").resolve("notes/a/b/c"));
        Files.writeString(notASegment.resolve("keep.txt"), "not ours to delete");

        HistoricalServer restarted = startHistorical("h1");

        await().atMost(WAIT).until(() -> announcedBy(restarted).equals(Set.of(kept.id())));
        await().atMost(WAIT).untilAsserted(() -> assertThat(cacheOf("h1").resolve(keyOf(unused).relativePath()))
                .as("the copy of the unused segment").doesNotExist());
        assertThat(cacheOf("h1").resolve(keyOf(kept).relativePath())).isDirectory();
        assertThat(cacheOf("h1").resolve(keyOf(unused).dataSource()).resolve(keyOf(unused).pathElements().get(1)))
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
        store.segmentStore().publish(outside);
        DataSegment root = TestSegments.descriptor(6).withLoadSpec(Map.of("type", "local", "uri", "file:/etc/"), 100);
        store.segmentStore().publish(root);
        DataSegment climbing = segments.push(elsewhere, 7, 9);
        String climbingUri = "file://" + deepStorage.base() + "/../elsewhere/" + keyOf(climbing).relativePath();
        climbing = climbing.withLoadSpec(Map.of("type", "local", "uri", climbingUri), climbing.size());
        store.segmentStore().publish(climbing);
        DataSegment valid = segments.publish(deepStorage, 8, 11);
        Map<Path, String> storageBefore = snapshot(storage);
        Set<String> refused = Set.of(outside.id(), root.id(), climbing.id());

        HistoricalServer historical = startHistorical("h1");

        await().atMost(WAIT).until(() -> failedSegments(historical).keySet().equals(refused)
                && announcedBy(historical).equals(Set.of(valid.id())));
        assertThat(failedSegments(historical).values()).allSatisfy(message -> assertThat(message).contains("outside"));
        assertThat(historical.node().servedSegments()).containsExactly(valid.id());
        assertThat(localTotal(historical)).as("only the valid segment").isEqualTo(11);
        assertThat(snapshot(storage)).as("deep storage and the directory beside it, untouched").isEqualTo(storageBefore);
        Path validCopy = cacheOf("h1").resolve(keyOf(valid).relativePath());
        assertThat(snapshot(cacheOf("h1")).keySet()).as("the cache holds the valid segment and nothing else")
                .allMatch(path -> validCopy.startsWith(cacheOf("h1").resolve(path))
                        || cacheOf("h1").resolve(path).startsWith(validCopy));
        assertThat(historical.node().status().get("lastError")).asString().contains("outside");
    }

    @Test
    void shouldSplitSegmentsBetweenTwoHistoricalsAndMoveThemWhenOneStops() throws Exception {
        Set<String> all = ids(publishTenSegments());
        HistoricalServer h1 = startHistorical("h1");
        HistoricalServer h2 = startHistorical("h2");

        await().atMost(WAIT).until(() -> splitExactly(all, h1, h2));
        NodeClient viaH1 = new NodeClient(h1.port());
        assertThat(TotalsLoop.total(viaH1.query(TOTALS))).isEqualTo(55);
        assertThat(localTotal(h1) + localTotal(h2)).isEqualTo(55);

        List<Long> totals;
        try (TotalsLoop loop = new TotalsLoop(viaH1)) {
            h2.close();
            await().atMost(WAIT).until(() -> announcedBy(h1).equals(all) && zooKeeper.servers().size() == 1);
            int answered = loop.answers();
            await().atMost(WAIT).until(() -> loop.answers() > answered + 5);
            totals = loop.stopAndGetTotals();
        }

        assertThat(h1.node().servedSegments()).isEqualTo(all);
        assertThat(localTotal(h1)).isEqualTo(55);
        // With one replica, h2's segments are missing from the totals until h1 has loaded them (see
        // shouldKeepTotalsWholeWhileAHistoricalWithOneReplicaStops), but nothing is ever counted twice.
        assertThat(totals).as("totals through h1 while h2 stopped").allMatch(total -> total <= 55)
                .last().isEqualTo(55L);
    }

    /**
     * What a stop with one replica should look like, and does not yet: the stopping historical
     * closes its HTTP API before it withdraws its segments (HistoricalServer's close order), so
     * queries through h1 fail with 502 for a moment, and then h2's segments are not served until h1
     * has pulled them. Keeping the totals whole needs a drain (leave the hashing, keep serving until
     * the new holders announce), which the historical cannot do without the server and cluster
     * packages. Until then, run more than one replica where this matters.
     */
    @Test
    @Disabled("a historical that stops takes its segments out of queries until another loads them; see docs/operations.md")
    void shouldKeepTotalsWholeWhileAHistoricalWithOneReplicaStops() throws Exception {
        Set<String> all = ids(publishTenSegments());
        HistoricalServer h1 = startHistorical("h1");
        HistoricalServer h2 = startHistorical("h2");
        await().atMost(WAIT).until(() -> splitExactly(all, h1, h2));

        List<Long> totals;
        List<String> failures;
        try (TotalsLoop loop = new TotalsLoop(new NodeClient(h1.port()))) {
            h2.close();
            await().atMost(WAIT).until(() -> announcedBy(h1).equals(all) && zooKeeper.servers().size() == 1);
            int answered = loop.answers();
            await().atMost(WAIT).until(() -> loop.answers() > answered + 5);
            totals = loop.stopAndGetTotals();
            failures = loop.failures();
        }

        assertThat(failures).as("failed queries").isEmpty();
        assertThat(totals).as("totals through h1 while h2 stopped").containsOnly(55L);
    }

    @Test
    void shouldKeepTotalsExactWhileASecondHistoricalJoinsAndTakesItsShare() throws Exception {
        Set<String> all = ids(publishTenSegments());
        HistoricalServer h1 = startHistorical("h1");
        await().atMost(WAIT).until(() -> announcedBy(h1).equals(all));
        NodeClient viaH1 = new NodeClient(h1.port());

        List<Long> totals;
        List<String> failures;
        try (TotalsLoop loop = new TotalsLoop(viaH1)) {
            HistoricalServer h2 = startHistorical("h2");
            await().atMost(WAIT).until(() -> splitExactly(all, h1, h2));
            int answered = loop.answers();
            await().atMost(WAIT).until(() -> loop.answers() > answered + 5);
            totals = loop.stopAndGetTotals();
            failures = loop.failures();
        }

        assertThat(failures).as("failed queries").isEmpty();
        assertThat(totals).as("totals through h1 while h2 joined").hasSizeGreaterThan(5).containsOnly(55L);
    }

    @Test
    void shouldHoldEverySegmentOnBothHistoricalsWithReplicationFactorTwo() throws Exception {
        Set<String> all = ids(publishTenSegments());
        String[] twoReplicas = {"tributary.historical.replicationFactor", "2"};
        HistoricalServer h1 = startHistorical("h1", twoReplicas);
        HistoricalServer h2 = startHistorical("h2", twoReplicas);

        await().atMost(WAIT).until(() -> announcedBy(h1).equals(all) && announcedBy(h2).equals(all));
        assertThat(h1.node().servedSegments()).isEqualTo(all);
        assertThat(h2.node().servedSegments()).isEqualTo(all);
        assertThat(all).allSatisfy(id -> assertThat(zooKeeper.serversOf(id)).hasSize(2));
        assertThat(localTotal(h1)).isEqualTo(55);
        assertThat(localTotal(h2)).isEqualTo(55);

        // With a replica everywhere, a historical that stops takes nothing out of the totals.
        NodeClient viaH1 = new NodeClient(h1.port());
        List<Long> totals;
        try (TotalsLoop loop = new TotalsLoop(viaH1)) {
            h2.close();
            await().atMost(WAIT).until(() -> zooKeeper.servers().size() == 1);
            int answered = loop.answers();
            await().atMost(WAIT).until(() -> loop.answers() > answered + 5);
            totals = loop.stopAndGetTotals();
            assertThat(loop.failures()).as("failed queries").isEmpty();
        }
        assertThat(totals).as("totals through h1 while h2 stopped").hasSizeGreaterThan(5).containsOnly(55L);
        assertThat(h1.node().servedSegments()).isEqualTo(all);
    }

    /**
     * Two historicals join that never load anything (as one whose deep storage is unreachable would):
     * a segment whose holders are now only those two stays on both old holders, while a segment
     * still held by one of the old holders leaves the other.
     */
    @Test
    void shouldKeepAReplicaUntilOneOfTheSegmentsNewHoldersServesIt() throws Exception {
        Set<String> all = ids(publishTenSegments());
        String[] twoReplicas = {"tributary.historical.replicationFactor", "2"};
        HistoricalServer h1 = startHistorical("h1", twoReplicas);
        HistoricalServer h2 = startHistorical("h2", twoReplicas);
        await().atMost(WAIT).until(() -> announcedBy(h1).equals(all) && announcedBy(h2).equals(all));
        String n1 = "localhost:" + h1.port();
        String n2 = "localhost:" + h2.port();
        List<String> idle = idleHistoricalsTakingSomeOfEveryKind(all, n1, n2);
        Map<String, List<String>> holders = all.stream().collect(Collectors.toMap(id -> id,
                id -> RendezvousHashing.holders(id, List.of(n1, n2, idle.get(0), idle.get(1)), 2)));

        for (String name : idle) {
            Announcer idleHistorical = new Announcer(client, zooKeeperBase,
                    new ServerInfo("localhost", Integer.parseInt(name.substring(name.indexOf(':') + 1)), ServerInfo.HISTORICAL));
            open.add(idleHistorical);
            idleHistorical.start();
        }

        Set<String> stayOnH1 = all.stream().filter(id -> !holders.get(id).contains(n2) || holders.get(id).contains(n1))
                .collect(Collectors.toSet());
        Set<String> stayOnH2 = all.stream().filter(id -> !holders.get(id).contains(n1) || holders.get(id).contains(n2))
                .collect(Collectors.toSet());
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(h1.node().servedSegments()).as("served by h1").isEqualTo(stayOnH1);
            assertThat(h2.node().servedSegments()).as("served by h2").isEqualTo(stayOnH2);
        });
        long syncs = (Long) h1.node().status().get("syncs");
        await().atMost(WAIT).until(() -> (Long) h1.node().status().get("syncs") > syncs + 3);
        assertThat(h1.node().servedSegments()).isEqualTo(stayOnH1);
        assertThat(h2.node().servedSegments()).isEqualTo(stayOnH2);
        assertThat(localTotal(h1)).isLessThan(55);
        assertThat(TotalsLoop.total(new NodeClient(h1.port()).query(TOTALS))).isEqualTo(55);
    }

    /**
     * Names of two historicals that, beside {@code n1} and {@code n2} with two replicas, take over
     * every holder of at least one segment, and one holder of others from each of n1 and n2.
     */
    private static List<String> idleHistoricalsTakingSomeOfEveryKind(Set<String> ids, String n1, String n2) {
        for (int port = 20_000; port < 30_000; port += 2) {
            List<String> idle = List.of("localhost:" + port, "localhost:" + (port + 1));
            List<String> servers = List.of(n1, n2, idle.get(0), idle.get(1));
            Set<String> kinds = new HashSet<>();
            for (String id : ids) {
                List<String> holders = RendezvousHashing.holders(id, servers, 2);
                kinds.add(holders.contains(n1) ? holders.contains(n2) ? "both" : "n1" : holders.contains(n2) ? "n2" : "none");
            }
            if (kinds.containsAll(List.of("n1", "n2", "none"))) {
                return idle;
            }
        }
        throw new IllegalStateException("no pair of ports moves segments every way");
    }

    @Test
    void shouldReportTheSegmentsThatDoNotFitInTheCache() {
        List<DataSegment> published = IntStream.range(0, 3).mapToObj(hour -> segments.publish(deepStorage, hour, 50)).toList();
        long largest = published.stream().mapToLong(DataSegment::size).max().orElseThrow();
        long smallest = published.stream().mapToLong(DataSegment::size).min().orElseThrow();
        long maxBytes = largest + smallest - 1; // room for any one segment, never for two

        HistoricalServer historical = startHistorical("h1", "tributary.segmentCache.maxSizeBytes", Long.toString(maxBytes));

        await().atMost(WAIT).until(() -> announcedBy(historical).size() == 1 && failedSegments(historical).size() == 2);
        String served = historical.node().servedSegments().iterator().next();
        assertThat(announcedBy(historical)).containsExactly(served);
        Map<String, String> failed = failedSegments(historical);
        assertThat(failed.keySet()).doesNotContain(served).isSubsetOf(ids(published));
        failed.forEach((id, message) -> assertThat(message).contains(id).contains("tributary.segmentCache.maxSizeBytes"));
        assertThat(localTotal(historical)).isEqualTo(50);
        assertThat((Long) historical.node().status().get("cacheBytes")).isLessThanOrEqualTo(maxBytes);
        assertThat(historical.node().status()).containsEntry("cacheMaxBytes", maxBytes);
    }

    /** Hour i of the day with i + 1 events: 55 in all. */
    private List<DataSegment> publishTenSegments() {
        return IntStream.range(0, 10).mapToObj(hour -> segments.publish(deepStorage, hour, hour + 1)).toList();
    }

    /** Whether each historical serves and announces some of {@code all}, none twice, together all. */
    private boolean splitExactly(Set<String> all, HistoricalServer a, HistoricalServer b) {
        Set<String> servedByA = a.node().servedSegments();
        Set<String> servedByB = b.node().servedSegments();
        Set<String> union = new HashSet<>(servedByA);
        union.addAll(servedByB);
        boolean disjoint = servedByA.stream().noneMatch(servedByB::contains);
        boolean announcedOnce = all.stream().allMatch(id -> zooKeeper.serversOf(id).size() == 1);
        return !servedByA.isEmpty() && !servedByB.isEmpty() && disjoint && union.equals(all) && announcedOnce
                && announcedBy(a).equals(servedByA) && announcedBy(b).equals(servedByB);
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
