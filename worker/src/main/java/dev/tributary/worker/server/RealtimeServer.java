package dev.tributary.worker.server;

import dev.tributary.core.spec.IngestionSpec;
import dev.tributary.deepstorage.DeepStorage;
import dev.tributary.worker.cluster.ServerInfo;
import dev.tributary.worker.cluster.ZooKeeperConfig;
import dev.tributary.worker.config.DeepStorageConfig;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.handoff.ClusterHandoff;
import dev.tributary.worker.http.HttpServer;
import dev.tributary.worker.metadata.LedgerPositions;
import dev.tributary.worker.metadata.MetadataStore;
import dev.tributary.worker.metadata.MetadataStoreConfig;
import dev.tributary.worker.metrics.NodeMetrics;
import dev.tributary.worker.metrics.RealtimeMeters;
import dev.tributary.worker.query.QueryRouter;
import dev.tributary.worker.realtime.RealtimeNode;

/**
 * A realtime node with its HTTP API: what {@code tributary server realtime} runs. In a cluster it
 * announces itself and its sinks in ZooKeeper, hands sinks off through deep storage and the metadata
 * store, and answers queries over the whole cluster. Start and close from one thread.
 */
public final class RealtimeServer implements AutoCloseable {
    /** How long a handed-off sink still answers queries routed to it by a view that has not caught up. */
    static final long DROP_DELAY_MILLIS = 1_000;

    private final RealtimeNode node;
    private final HttpServer http;
    private final ShutdownStack parts;
    private boolean closed;

    private RealtimeServer(RealtimeNode node, HttpServer http, ShutdownStack parts) {
        this.node = node;
        this.http = http;
        this.parts = parts;
    }

    /**
     * A node whose offsets live in the metadata store's ledger (claimed with epochs, committed as a
     * compare-and-set), mirrored to Kafka, outside a cluster: its sinks stay on it.
     */
    public static RealtimeServer start(NodeConfig config, MetadataStoreConfig metadata, IngestionSpec spec) {
        ShutdownStack parts = new ShutdownStack();
        try {
            MetadataStore store = parts.push(MetadataStore.open(metadata));
            RealtimeNode node = new RealtimeNode(spec, new LedgerPositions(store.offsetLedger()), owner(config));
            return serve(config, node, new QueryRouter(node, null, null), parts);
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    /**
     * A node of a cluster: the offset ledger and segment publishing in the metadata store, announcements
     * and the cluster view in ZooKeeper, handed-off segments in deep storage; queries go to the whole cluster.
     */
    public static RealtimeServer startInCluster(NodeConfig config, MetadataStoreConfig metadata, ZooKeeperConfig zooKeeper,
            DeepStorageConfig storage, IngestionSpec spec) {
        ShutdownStack parts = new ShutdownStack();
        DeepStorage deepStorage = storage.open();
        if (deepStorage instanceof AutoCloseable closeable) {
            parts.push(closeable); // at the bottom: it closes after everything that uses it
        }
        return startInCluster(config, metadata, zooKeeper, deepStorage, storage.loadSpecType(), spec, parts);
    }

    /**
     * A node of a cluster with a deep storage the caller opened and closes (embedders, and tests that
     * put faults in front of a real one).
     *
     * @param loadSpecType the {@code loadSpec.type} written for pushed segments
     */
    public static RealtimeServer startInCluster(NodeConfig config, MetadataStoreConfig metadata, ZooKeeperConfig zooKeeper,
            DeepStorage deepStorage, String loadSpecType, IngestionSpec spec) {
        return startInCluster(config, metadata, zooKeeper, deepStorage, loadSpecType, spec, new ShutdownStack());
    }

    /** A node of a cluster on top of {@code parts} (already started); closes them if it cannot start. */
    private static RealtimeServer startInCluster(NodeConfig config, MetadataStoreConfig metadata,
            ZooKeeperConfig zooKeeper, DeepStorage deepStorage, String loadSpecType, IngestionSpec spec,
            ShutdownStack parts) {
        try {
            MetadataStore store = parts.push(MetadataStore.open(metadata));
            int port = ClusterConnection.choosePort(config.port());
            ServerInfo self = new ServerInfo(config.host(), port, ServerInfo.REALTIME);
            ClusterConnection cluster = parts.push(ClusterConnection.open(zooKeeper, self));
            ClusterHandoff handoff = new ClusterHandoff(store.segmentStore(), deepStorage, loadSpecType,
                    cluster.announcer(), cluster.view(), DROP_DELAY_MILLIS);
            RealtimeNode node = new RealtimeNode(spec, new LedgerPositions(store.offsetLedger()), owner(config), handoff);
            return serve(config.withPort(port), node, new QueryRouter(node, cluster.view(), self), parts);
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    /** A node without a metadata store: Kafka's committed offsets are the record (tools, demos, tests). */
    public static RealtimeServer start(NodeConfig config, IngestionSpec spec) {
        RealtimeNode node = new RealtimeNode(spec);
        return serve(config, node, new QueryRouter(node, null, null), new ShutdownStack());
    }

    private static RealtimeServer serve(NodeConfig config, RealtimeNode node, QueryRouter router, ShutdownStack parts) {
        NodeMetrics metrics = new NodeMetrics();
        RealtimeMeters.bind(metrics, node);
        HttpServer http;
        try {
            http = HttpServer.start(config, router, node::status, metrics);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        parts.push(metrics);
        try {
            node.start();
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
        return new RealtimeServer(node, http, parts);
    }

    /** This worker's name in the ledger: host and process id. */
    private static String owner(NodeConfig config) {
        return config.host() + "/" + ProcessHandle.current().pid();
    }

    public RealtimeNode node() {
        return node;
    }

    public int port() {
        return http.port();
    }

    /**
     * Stops ingestion (a last persist and commit; in a cluster, the handoff of every sink while a
     * historical is up), then withdraws the announcements and closes the store, then stops answering.
     * Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            node.close();
        } finally {
            try {
                parts.close();
            } finally {
                http.close();
            }
        }
    }
}
