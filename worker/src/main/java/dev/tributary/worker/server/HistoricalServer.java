package dev.tributary.worker.server;

import dev.tributary.deepstorage.DeepStorage;
import dev.tributary.worker.cluster.ServerInfo;
import dev.tributary.worker.cluster.ZooKeeperConfig;
import dev.tributary.worker.config.DeepStorageConfig;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.historical.HistoricalConfig;
import dev.tributary.worker.historical.HistoricalNode;
import dev.tributary.worker.http.HttpServer;
import dev.tributary.worker.metadata.MetadataStore;
import dev.tributary.worker.metadata.MetadataStoreConfig;
import dev.tributary.worker.metrics.HistoricalMeters;
import dev.tributary.worker.metrics.NodeMetrics;
import dev.tributary.worker.query.QueryRouter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A historical node with its HTTP API: what {@code tributary server historical} runs. Start and
 * close from one thread.
 */
public final class HistoricalServer implements AutoCloseable {
    /** How long a stopping historical waits for others to take over its segments. */
    static final java.time.Duration DRAIN_TIMEOUT = java.time.Duration.ofSeconds(30);
    private static final long VIEW_DELAY_MILLIS = 1_000;

    private final ShutdownStack parts;
    private final HistoricalNode node;
    private final ClusterConnection cluster;
    private final HttpServer http;

    private HistoricalServer(ShutdownStack parts, HistoricalNode node, ClusterConnection cluster, HttpServer http) {
        this.parts = parts;
        this.node = node;
        this.cluster = cluster;
        this.http = http;
    }

    public static HistoricalServer start(NodeConfig config, MetadataStoreConfig metadata, ZooKeeperConfig zooKeeper,
            DeepStorageConfig storage, HistoricalConfig historical) {
        ShutdownStack parts = new ShutdownStack();
        try {
            MetadataStore store = parts.push(MetadataStore.open(metadata));
            DeepStorage deepStorage = storage.open();
            if (deepStorage instanceof AutoCloseable closeable) {
                parts.push(closeable);
            }
            int port = ClusterConnection.choosePort(config.port());
            ServerInfo self = new ServerInfo(config.host(), port, ServerInfo.HISTORICAL);
            ClusterConnection cluster = parts.push(ClusterConnection.open(zooKeeper, self));
            HistoricalNode node = parts.push(new HistoricalNode(historical, self, store.segmentStore(), deepStorage,
                    cluster.view(), cluster.announcer()));
            NodeMetrics metrics = parts.push(new NodeMetrics());
            HistoricalMeters.bind(metrics, node);
            HttpServer http = parts.push(HttpServer.start(config.withPort(port),
                    new QueryRouter(node, cluster.view(), self), node::status, metrics));
            node.start();
            return new HistoricalServer(parts, node, cluster, http);
        } catch (IOException e) {
            parts.close();
            throw new UncheckedIOException("cannot start the historical: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    public HistoricalNode node() {
        return node;
    }

    public int port() {
        return http.port();
    }

    /**
     * Stops gracefully: the node leaves (the other historicals take over its segments while it still
     * serves them, up to {@link #DRAIN_TIMEOUT}), withdraws its announcements, and only then stops
     * answering queries, after a short delay for views that still route to it.
     */
    @Override
    public void close() {
        if (parts.isEmpty()) {
            return;
        }
        try {
            node.leave(DRAIN_TIMEOUT);
            cluster.close(); // withdraws every announcement; closing it again below does nothing
            Thread.sleep(VIEW_DELAY_MILLIS); // queries routed by views that have not seen the withdrawal yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(HistoricalServer.class).warn("leaving the cluster failed: {}", e.getMessage());
        } finally {
            parts.close();
        }
    }
}
