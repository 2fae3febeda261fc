package dev.tributary.worker.handoff;

import static dev.tributary.worker.handoff.ClusterHarness.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.testing.KafkaBrokerExtension;
import dev.tributary.testing.ZooKeeperExtension;
import dev.tributary.worker.NodeClient;
import dev.tributary.worker.metadata.DataSegment;
import dev.tributary.worker.metadata.MetadataStore;
import dev.tributary.worker.plumber.RealtimePlumber;
import dev.tributary.worker.server.HistoricalServer;
import dev.tributary.worker.server.RealtimeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with MINUTE segments, on a real Kafka broker, a real ZooKeeper, the embedded metadata
 * store and local deep storage: a realtime node ingests, hands each minute off to a historical, and
 * forgets it; a loop querying the totals through both nodes all along never sees a total fall or
 * pass what was produced, and both end on the exact total.
 */
class HandoffIntegrationTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    @RegisterExtension
    static final ZooKeeperExtension ZOOKEEPER = new ZooKeeperExtension();

    private static final int EVENTS = 1_800; // 30 minutes of event time

    @TempDir
    Path dir;

    @Test
    void shouldHandOffEveryMinuteWithoutATotalEverFallingOrDoubling() throws Exception {
        ClusterHarness cluster = new ClusterHarness(dir, ZOOKEEPER.connectString(), KAFKA.bootstrapServers());
        String topic = KAFKA.createTopic("handoff", 1);
        try (HistoricalServer historical = cluster.startHistorical("historical");
             RealtimeServer realtime = cluster.startRealtime(topic, 0)) {
            NodeClient viaRealtime = new NodeClient(realtime.port());
            NodeClient viaHistorical = new NodeClient(historical.port());
            ClusterHarness.QueryLoop loop = new ClusterHarness.QueryLoop(Map.of("realtime", viaRealtime, "historical", viaHistorical));

            cluster.produce(topic, 0, EVENTS);
            // Minutes 0..28 end at least a window before the last event; minute 29 stays on the realtime node.
            RealtimePlumber plumber = (RealtimePlumber) realtime.node().plumber();
            await().atMost(Duration.ofSeconds(120)).until(() -> plumber.metrics().handedOffSegments() == 29);
            await().atMost(Duration.ofSeconds(30)).until(() -> total(viaRealtime, false) == EVENTS
                    && total(viaHistorical, false) == EVENTS);
            loop.stopAndCheck(EVENTS);

            assertThat(total(viaHistorical, true)).as("the historical's own segments").isEqualTo(29 * 60);
            assertThat(total(viaRealtime, true)).as("the realtime node's own sinks").isEqualTo(60);
            assertThat(historical.node().servedSegments()).hasSize(29);
            try (Stream<Path> sinks = Files.list(cluster.persistDirectory())) {
                assertThat(sinks.filter(p -> !p.getFileName().toString().startsWith("."))).as("sinks left on disk").hasSize(1);
            }
            try (MetadataStore store = MetadataStore.open(cluster.metadata())) {
                List<DataSegment> used = store.segmentStore().usedSegments();
                assertThat(used).hasSize(29);
                assertThat(used.stream().map(DataSegment::id).distinct()).hasSize(29);
            }

            // A clean stop hands off the last minute too: nothing is left behind on the worker's disk.
            realtime.close();
            assertThat(total(viaHistorical, false)).isEqualTo(EVENTS);
            assertThat(historical.node().servedSegments()).hasSize(30);
            try (Stream<Path> sinks = Files.list(cluster.persistDirectory())) {
                assertThat(sinks.filter(p -> !p.getFileName().toString().startsWith("."))).as("sinks left at stop").isEmpty();
            }
        }
    }

    @Test
    void shouldHandOffFromTwoWorkersSharingATopicEachMinuteInItsOwnPartition() throws Exception {
        ClusterHarness cluster = new ClusterHarness(dir, ZOOKEEPER.connectString(), KAFKA.bootstrapServers());
        String topic = KAFKA.createTopic("two-workers", 2);
        try (HistoricalServer first = cluster.startHistorical("historical-1");
             HistoricalServer second = cluster.startHistorical("historical-2");
             RealtimeServer a = cluster.startRealtime("worker-a", topic, 0);
             RealtimeServer b = cluster.startRealtime("worker-b", topic, 0)) {
            NodeClient viaA = new NodeClient(a.port());
            await().atMost(Duration.ofSeconds(60)).until(() -> a.node().metrics().partitions().size() == 1
                    && b.node().metrics().partitions().size() == 1);
            ClusterHarness.QueryLoop loop = new ClusterHarness.QueryLoop(Map.of("worker-a", viaA,
                    "historical-1", new NodeClient(first.port())));
            cluster.produce(topic, 0, 900);
            await().atMost(Duration.ofSeconds(60)).until(() -> total(viaA, false) == 900);
            // Each worker hands off the minutes of its partition that are a window behind its latest event.
            await().atMost(Duration.ofSeconds(120)).until(() -> ((RealtimePlumber) a.node().plumber()).pendingHandoffs() == 0
                    && ((RealtimePlumber) b.node().plumber()).pendingHandoffs() == 0
                    && ((RealtimePlumber) a.node().plumber()).metrics().handedOffSegments() > 0
                    && ((RealtimePlumber) b.node().plumber()).metrics().handedOffSegments() > 0);
            loop.stopAndCheck(900);
            long handedOff = ((RealtimePlumber) a.node().plumber()).metrics().handedOffSegments()
                    + ((RealtimePlumber) b.node().plumber()).metrics().handedOffSegments();
            try (MetadataStore store = MetadataStore.open(cluster.metadata())) {
                List<DataSegment> used = store.segmentStore().usedSegments();
                assertThat(used).hasSize((int) handedOff);
                assertThat(used.stream().map(DataSegment::id).distinct()).hasSize((int) handedOff);
                // Two workers' sinks of one minute are two partitions of it, never the same one.
                assertThat(used.stream().map(s -> s.interval().start()).distinct().count()).isLessThan(handedOff);
            }
            assertThat(first.node().servedSegments().size() + second.node().servedSegments().size()).isEqualTo((int) handedOff);
            assertThat(total(new NodeClient(second.port()), false)).isEqualTo(900);
        }
    }
}
