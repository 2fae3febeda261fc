package dev.tributary.worker.server;

import dev.tributary.core.spec.IngestionSpec;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.http.HttpServer;
import dev.tributary.worker.realtime.RealtimeNode;

/**
 * A realtime node with its HTTP API: what {@code tributary server realtime} runs. Start and close
 * from one thread.
 */
public final class RealtimeServer implements AutoCloseable {
    private final RealtimeNode node;
    private final HttpServer http;

    private RealtimeServer(RealtimeNode node, HttpServer http) {
        this.node = node;
        this.http = http;
    }

    public static RealtimeServer start(NodeConfig config, IngestionSpec spec) {
        RealtimeNode node = new RealtimeNode(spec);
        HttpServer http = HttpServer.start(config, node.queries(), node::status);
        try {
            node.start();
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
        return new RealtimeServer(node, http);
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
            http.close();
        }
    }
}
