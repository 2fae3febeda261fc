package dev.tributary.worker.historical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.deepstorage.LocalDeepStorage;
import dev.tributary.testing.ZooKeeperExtension;
import dev.tributary.worker.cluster.Announcer;
import dev.tributary.worker.cluster.ClusterView;
import dev.tributary.worker.cluster.ServerInfo;
import dev.tributary.worker.cluster.ZooKeeperConfig;
import dev.tributary.worker.metadata.MetadataStore;
import dev.tributary.worker.metadata.MetadataStoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Historical nodes whose syncs the test runs itself, one at a time and in a chosen order (the nodes
 * are not started), on a real ZooKeeper, the embedded metadata store and local deep storage: what a
 * node decides in one sync, for a given view of the cluster, without depending on when its load
 * thread would have run.
 */
class HistoricalNodeSyncTest {
    @RegisterExtension
    static final ZooKeeperExtension ZOOKEEPER = new ZooKeeperExtension();

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final String base = "/historical-sync-test-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    private MetadataStore store;
    private LocalDeepStorage deepStorage;

    private record Node(ServerInfo self, ClusterView view, HistoricalNode historical) {
        String name() {
            return self.name();
        }
    }

    @BeforeEach
    void openStores() {
        Properties props = new Properties();
        props.setProperty(MetadataStoreConfig.EMBEDDED_DIRECTORY.name(), dir.resolve("metadata").toString());
        store = MetadataStore.open(MetadataStoreConfig.from(props));
        open.add(store);
        deepStorage = new LocalDeepStorage(dir.resolve("deep"));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private CuratorFramework client() {
        CuratorFramework client = new ZooKeeperConfig(ZOOKEEPER.connectString(), base, 10_000, 5_000).newClient();
        open.add(client);
        return client;
    }

    /** Announces a historical on {@code port} that serves nothing. */
    private void announceIdleHistorical(int port) {
        Announcer announcer = new Announcer(client(), base, new ServerInfo("127.0.0.1", port, ServerInfo.HISTORICAL));
        open.add(announcer);
        announcer.start();
    }

    /** A historical on {@code port}, with its own ZooKeeper session, view and announcer, as a server has. */
    private Node historical(int port, int replicas) throws Exception {
        CuratorFramework client = client();
        ServerInfo self = new ServerInfo("127.0.0.1", port, ServerInfo.HISTORICAL);
        ClusterView view = new ClusterView(client, base);
        open.add(view);
        view.start();
        Announcer announcer = new Announcer(client, base, self);
        open.add(announcer);
        announcer.start();
        HistoricalConfig config = new HistoricalConfig(dir.resolve("cache-" + port), Long.MAX_VALUE, replicas, 60_000);
        HistoricalNode node = new HistoricalNode(config, self, store.segmentStore(), deepStorage, view, announcer);
        open.add(node);
        return new Node(self, view, node);
    }

    /**
     * Two historicals join at once and never load anything (as ones whose deep storage is
     * unreachable would). A segment whose holders are now only those two stays on both old
     * holders: neither takes the other, which no longer holds it either, for a new holder.
     */
    @Test
    void shouldKeepASegmentWhoseHoldersAllChangedUntilANewHolderServesIt() throws Exception {
        Set<String> all = new TestSegments(dir.resolve("build"), store.segmentStore()).publishTen(deepStorage);
        int[] ports = portsWhereBothHoldersOfASegmentChange(all);
        Node h1 = historical(ports[0], 2);
        Node h2 = historical(ports[1], 2);
        h1.historical().sync();
        h2.historical().sync();
        await().atMost(WAIT).until(() -> all.stream().allMatch(id -> h1.view().serversOf(id).size() == 2
                && h2.view().serversOf(id).size() == 2));

        announceIdleHistorical(ports[2]);
        announceIdleHistorical(ports[3]);
        await().atMost(WAIT).until(() -> h1.view().servers().size() == 4 && h2.view().servers().size() == 4);
        h1.historical().sync();
        h2.historical().sync();

        List<String> servers = List.of(h1.name(), h2.name(), "127.0.0.1:" + ports[2], "127.0.0.1:" + ports[3]);
        Set<String> movedAway = all.stream()
                .filter(id -> !RendezvousHashing.holders(id, servers, 2).contains(h1.name())
                        && !RendezvousHashing.holders(id, servers, 2).contains(h2.name()))
                .collect(Collectors.toSet());
        assertThat(movedAway).isNotEmpty();
        assertThat(h1.historical().servedSegments()).as("served by h1").containsAll(movedAway);
        assertThat(h2.historical().servedSegments()).as("served by h2").containsAll(movedAway);
        for (String id : all) {
            List<String> holders = RendezvousHashing.holders(id, servers, 2);
            for (Node node : List.of(h1, h2)) {
                if (holders.contains(node.name())) {
                    assertThat(node.historical().servedSegments()).as("%s holds %s", node.name(), id).contains(id);
                }
            }
        }
    }

    /**
     * Four ports such that, with two replicas, some segment held by the historicals on the first two
     * is held by neither once the last two join.
     */
    private static int[] portsWhereBothHoldersOfASegmentChange(Set<String> ids) {
        for (int port = 20_000; port < 30_000; port += 4) {
            List<String> servers = List.of("127.0.0.1:" + port, "127.0.0.1:" + (port + 1), "127.0.0.1:" + (port + 2),
                    "127.0.0.1:" + (port + 3));
            Set<String> movedAway = new HashSet<>();
            for (String id : ids) {
                List<String> holders = RendezvousHashing.holders(id, servers, 2);
                if (!holders.contains(servers.get(0)) && !holders.contains(servers.get(1))) {
                    movedAway.add(id);
                }
            }
            if (!movedAway.isEmpty()) {
                return new int[] {port, port + 1, port + 2, port + 3};
            }
        }
        throw new IllegalStateException("no four ports move a segment away from the first two");
    }
}
