package dev.tributary.worker.historical;

import static dev.tributary.worker.historical.HistoricalCluster.clusterTotal;
import static dev.tributary.worker.historical.HistoricalCluster.localTotal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.testing.ZooKeeperExtension;
import dev.tributary.worker.NodeClient;
import dev.tributary.worker.server.HistoricalServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several historical nodes share the segments without a coordinator, on a real ZooKeeper, the
 * embedded metadata store and local deep storage: with one replica they split ten segments (55
 * events) with none held twice and hand them over when one joins or stops; with two replicas every
 * segment is on both, and one that stops takes nothing out of the totals.
 * A loop of queries through one node checks the totals while the others come and go.
 */
class HistoricalReplicationIntegrationTest {
    @RegisterExtension
    static final ZooKeeperExtension ZOOKEEPER = new ZooKeeperExtension();

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String[] TWO_REPLICAS = {"tributary.historical.replicationFactor", "2"};

    @TempDir
    Path dir;
    @TempDir
    Path storage;

    private HistoricalCluster cluster;

    @BeforeEach
    void startCluster() {
        cluster = new HistoricalCluster(dir, storage.resolve("deep"), ZOOKEEPER.connectString());
    }

    @AfterEach
    void stopCluster() throws Exception {
        cluster.close();
    }

    @Test
    void shouldSplitSegmentsBetweenTwoHistoricalsAndMoveThemWhenOneStops() throws Exception {
        Set<String> all = cluster.publishTenSegments();
        HistoricalServer h1 = cluster.startHistorical("h1");
        HistoricalServer h2 = cluster.startHistorical("h2");

        await().atMost(WAIT).until(() -> splitExactly(all, h1, h2));
        assertThat(clusterTotal(h1)).isEqualTo(55);
        assertThat(localTotal(h1) + localTotal(h2)).isEqualTo(55);

        List<Long> totals;
        try (TotalsLoop loop = new TotalsLoop(new NodeClient(h1.port()))) {
            h2.close();
            await().atMost(WAIT).until(() -> cluster.announcedBy(h1).equals(all) && cluster.zooKeeper().servers().size() == 1);
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
     * A stop with one replica drains: the stopping historical announces it is leaving, h1 takes over
     * its share while it still serves it, and only then does it withdraw its announcements and stop
     * answering; no query fails and no total falls.
     */
    @Test
    void shouldKeepTotalsWholeWhileAHistoricalWithOneReplicaStops() throws Exception {
        Set<String> all = cluster.publishTenSegments();
        HistoricalServer h1 = cluster.startHistorical("h1");
        HistoricalServer h2 = cluster.startHistorical("h2");
        await().atMost(WAIT).until(() -> splitExactly(all, h1, h2));

        List<Long> totals;
        List<String> failures;
        try (TotalsLoop loop = new TotalsLoop(new NodeClient(h1.port()))) {
            h2.close();
            await().atMost(WAIT).until(() -> cluster.announcedBy(h1).equals(all) && cluster.zooKeeper().servers().size() == 1);
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
        Set<String> all = cluster.publishTenSegments();
        HistoricalServer h1 = cluster.startHistorical("h1");
        await().atMost(WAIT).until(() -> cluster.announcedBy(h1).equals(all));

        List<Long> totals;
        List<String> failures;
        try (TotalsLoop loop = new TotalsLoop(new NodeClient(h1.port()))) {
            HistoricalServer h2 = cluster.startHistorical("h2");
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
    void shouldHoldEverySegmentOnBothHistoricalsWithTwoReplicasAndLoseNothingWhenOneStops() throws Exception {
        Set<String> all = cluster.publishTenSegments();
        HistoricalServer h1 = cluster.startHistorical("h1", TWO_REPLICAS);
        HistoricalServer h2 = cluster.startHistorical("h2", TWO_REPLICAS);

        await().atMost(WAIT).until(() -> cluster.announcedBy(h1).equals(all) && cluster.announcedBy(h2).equals(all));
        assertThat(h1.node().servedSegments()).isEqualTo(all);
        assertThat(h2.node().servedSegments()).isEqualTo(all);
        assertThat(all).allSatisfy(id -> assertThat(cluster.zooKeeper().serversOf(id)).hasSize(2));
        assertThat(localTotal(h1)).isEqualTo(55);
        assertThat(localTotal(h2)).isEqualTo(55);

        List<Long> totals;
        List<String> failures;
        try (TotalsLoop loop = new TotalsLoop(new NodeClient(h1.port()))) {
            h2.close();
            await().atMost(WAIT).until(() -> cluster.zooKeeper().servers().size() == 1);
            int answered = loop.answers();
            await().atMost(WAIT).until(() -> loop.answers() > answered + 5);
            totals = loop.stopAndGetTotals();
            failures = loop.failures();
        }

        assertThat(failures).as("failed queries").isEmpty();
        assertThat(totals).as("totals through h1 while h2 stopped").hasSizeGreaterThan(5).containsOnly(55L);
        assertThat(h1.node().servedSegments()).isEqualTo(all);
    }

    /** Whether each historical serves and announces some of {@code all}, none twice, together all. */
    private boolean splitExactly(Set<String> all, HistoricalServer a, HistoricalServer b) {
        Set<String> servedByA = a.node().servedSegments();
        Set<String> servedByB = b.node().servedSegments();
        Set<String> union = new HashSet<>(servedByA);
        union.addAll(servedByB);
        boolean disjoint = servedByA.stream().noneMatch(servedByB::contains);
        boolean announcedOnce = all.stream().allMatch(id -> cluster.zooKeeper().serversOf(id).size() == 1);
        return !servedByA.isEmpty() && !servedByB.isEmpty() && disjoint && union.equals(all) && announcedOnce
                && cluster.announcedBy(a).equals(servedByA) && cluster.announcedBy(b).equals(servedByB);
    }
}
