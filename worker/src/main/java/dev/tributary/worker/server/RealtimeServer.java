package dev.tributary.worker.server;

import dev.tributary.core.spec.IngestionSpec;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.http.HttpServer;
import dev.tributary.worker.metadata.LedgerPositions;
import dev.tributary.worker.metadata.MetadataStore;
import dev.tributary.worker.metadata.MetadataStoreConfig;
import dev.tributary.worker.realtime.RealtimeNode;

/**
 * A realtime node with its HTTP API: what {@code tributary server realtime} runs. Start and close
 * from one thread.
 */
public final class RealtimeServer implements AutoCloseable {
    private final RealtimeNode node;
    private final HttpServer http;
    private final MetadataStore store;

    private RealtimeServer(RealtimeNode node, HttpServer http, MetadataStore store) {
        this.node = node;
        this.http = http;
        this.store = store;
    }

    /**
     * A node whose offsets live in the metadata store's ledger (claimed with epochs, committed as a
     * compare-and-set), mirrored to Kafka: what {@code tributary server realtime} runs.
     */
    public static RealtimeServer start(NodeConfig config, MetadataStoreConfig metadata, IngestionSpec spec) {
        MetadataStore store = MetadataStore.open(metadata);
        try {
            return start(config, spec, store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** A node without a metadata store: Kafka's committed offsets are the record (tools, demos, tests). */
    public static RealtimeServer start(NodeConfig config, IngestionSpec spec) {
        return start(config, spec, null);
    }

    private static RealtimeServer start(NodeConfig config, IngestionSpec spec, MetadataStore store) {
        RealtimeNode node = store == null ? new RealtimeNode(spec)
                : new RealtimeNode(spec, new LedgerPositions(store.offsetLedger()), owner(config));
        HttpServer http = HttpServer.start(config, node.queries(), node::status);
        try {
            node.start();
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
        return new RealtimeServer(node, http, store);
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

    @Override
    public void close() {
        try {
            node.close();
        } finally {
            try {
                http.close();
            } finally {
                if (store != null) {
                    store.close();
                }
            }
        }
    }
}
