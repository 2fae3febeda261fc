package dev.tributary.worker.historical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.deepstorage.LocalDeepStorage;
import dev.tributary.worker.NodeClient;
import dev.tributary.worker.cluster.ClusterView;
import dev.tributary.worker.cluster.ServerInfo;
import dev.tributary.worker.cluster.ZooKeeperConfig;
import dev.tributary.worker.config.DeepStorageConfig;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.metadata.DataSegment;
import dev.tributary.worker.metadata.MetadataStore;
import dev.tributary.worker.metadata.MetadataStoreConfig;
import dev.tributary.worker.metadata.SegmentStore;
import dev.tributary.worker.server.HistoricalServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.curator.framework.CuratorFramework;

/**
 * A cluster for historical tests, in this JVM: historical servers sharing one real ZooKeeper (under a
 * base path of their own), one embedded metadata store and one local deep storage, plus a
 * {@link ClusterView} of this harness's own that tells what ZooKeeper holds. Closing it closes every
 * server it started, then the rest.
 */
final class HistoricalCluster implements AutoCloseable {
    private final Path dir;
    private final String zooKeeperConnect;
    private final String zooKeeperBase = "/historical-test-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    private final List<AutoCloseable> open = new ArrayList<>();
    private final LocalDeepStorage deepStorage;
    private final MetadataStore store;
    private final TestSegments segments;
    private final CuratorFramework client;
    private final ClusterView zooKeeper;

    /**
     * @param dir the metadata store, the segment caches and segments being built go here
     * @param deepStorageBase the base of deep storage
     */
    HistoricalCluster(Path dir, Path deepStorageBase, String zooKeeperConnect) {
        this.dir = dir;
        this.zooKeeperConnect = zooKeeperConnect;
        this.deepStorage = new LocalDeepStorage(deepStorageBase);
        this.store = MetadataStore.open(MetadataStoreConfig.from(props("test")));
        open.add(store);
        this.segments = new TestSegments(dir.resolve("build"), store.segmentStore());
        this.client = new ZooKeeperConfig(zooKeeperConnect, zooKeeperBase, 10_000, 5_000).newClient();
        open.add(client);
        this.zooKeeper = new ClusterView(client, zooKeeperBase);
        open.add(zooKeeper);
        zooKeeper.start();
    }

    private Properties props(String node) {
        Properties props = new Properties();
        props.setProperty("tributary.metadata.storage.embedded.directory", dir.resolve("metadata").toString());
        props.setProperty("tributary.zk.service.host", zooKeeperConnect);
        props.setProperty("tributary.zk.paths.base", zooKeeperBase);
        props.setProperty("tributary.storage.type", "local");
        props.setProperty("tributary.storage.storageDirectory", deepStorage.base().toString());
        props.setProperty("tributary.historical.pollPeriodMillis", "200");
        props.setProperty("tributary.segmentCache.location", cacheOf(node).toString());
        return props;
    }

    /** The segment cache of historical {@code node}, the same at every start. */
    Path cacheOf(String node) {
        return dir.resolve(node + "-cache");
    }

    /** Starts historical {@code node} on a free port; {@code overrides} are key, value pairs of runtime.properties. */
    HistoricalServer startHistorical(String node, String... overrides) {
        Properties props = props(node);
        for (int i = 0; i < overrides.length; i += 2) {
            props.setProperty(overrides[i], overrides[i + 1]);
        }
        HistoricalServer server = HistoricalServer.start(NodeConfig.defaults().withPort(0), MetadataStoreConfig.from(props),
                ZooKeeperConfig.from(props), DeepStorageConfig.from(props), HistoricalConfig.from(props));
        open.add(server);
        return server;
    }

    LocalDeepStorage deepStorage() {
        return deepStorage;
    }

    SegmentStore segmentStore() {
        return store.segmentStore();
    }

    TestSegments segments() {
        return segments;
    }

    /** What ZooKeeper holds, seen by a view of this harness's own. */
    ClusterView zooKeeper() {
        return zooKeeper;
    }

    /** Publishes hour i of the day with i + 1 events, for i in 0..9: 55 events in all; their ids. */
    Set<String> publishTenSegments() {
        return segments.publishTen(deepStorage);
    }

    /** The ids ZooKeeper says {@code historical} announces. */
    Set<String> announcedBy(HistoricalServer historical) {
        return zooKeeper.segmentsByServer().entrySet().stream()
                .filter(e -> e.getKey().port() == historical.port() && e.getKey().role().equals(ServerInfo.HISTORICAL))
                .flatMap(e -> e.getValue().stream().map(DataSegment::id))
                .collect(Collectors.toSet());
    }

    /** The total of {@link TestSegments#TOTALS} over the segments {@code historical} serves itself. */
    static long localTotal(HistoricalServer historical) {
        NodeClient.Response response = new NodeClient(historical.port()).queryLocal(TestSegments.TOTALS);
        assertThat(response.status()).as("query status: %s", response.body()).isEqualTo(200);
        return TotalsLoop.total(response);
    }

    /** The total of {@link TestSegments#TOTALS} over the cluster, asked through {@code historical}. */
    static long clusterTotal(HistoricalServer historical) {
        NodeClient.Response response = new NodeClient(historical.port()).query(TestSegments.TOTALS);
        assertThat(response.status()).as("query status: %s", response.body()).isEqualTo(200);
        return TotalsLoop.total(response);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> failedSegments(HistoricalServer historical) {
        return (Map<String, String>) historical.node().status().get("failedSegments");
    }

    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        open.clear();
    }
}
