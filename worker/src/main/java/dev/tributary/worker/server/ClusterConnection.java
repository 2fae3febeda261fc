package dev.tributary.worker.server;

import dev.tributary.worker.cluster.Announcer;
import dev.tributary.worker.cluster.ClusterView;
import dev.tributary.worker.cluster.ServerInfo;
import dev.tributary.worker.cluster.ZooKeeperConfig;
import java.io.IOException;
import java.net.ServerSocket;
import org.apache.curator.framework.CuratorFramework;

/**
 * A node's membership of the cluster: its ZooKeeper client, the announcer of itself and what it
 * serves, and its view of everyone else. Opened and closed by one thread; its parts are thread-safe.
 */
final class ClusterConnection implements AutoCloseable {
    private final CuratorFramework client;
    private final Announcer announcer;
    private final ClusterView view;
    private final ServerInfo self;

    private ClusterConnection(CuratorFramework client, Announcer announcer, ClusterView view, ServerInfo self) {
        this.client = client;
        this.announcer = announcer;
        this.view = view;
        this.self = self;
    }

    /** Connects, starts the view and announces {@code self}. */
    static ClusterConnection open(ZooKeeperConfig config, ServerInfo self) {
        CuratorFramework client = config.newClient();
        ClusterView view = new ClusterView(client, config.basePath());
        Announcer announcer = new Announcer(client, config.basePath(), self);
        try {
            view.start();
            announcer.start();
        } catch (RuntimeException e) {
            announcer.close();
            view.close();
            client.close();
            throw e;
        }
        return new ClusterConnection(client, announcer, view, self);
    }

    /** The port to listen on: the configured one, or a free one when it is 0 (announced before the server starts). */
    static int choosePort(int configured) {
        if (configured != 0) {
            return configured;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the HTTP server: " + e.getMessage(), e);
        }
    }

    Announcer announcer() {
        return announcer;
    }

    ClusterView view() {
        return view;
    }

    ServerInfo self() {
        return self;
    }

    @Override
    public void close() {
        try {
            announcer.close();
        } finally {
            try {
                view.close();
            } finally {
                client.close();
            }
        }
    }
}
