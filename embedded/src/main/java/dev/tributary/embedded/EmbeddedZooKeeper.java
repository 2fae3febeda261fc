package dev.tributary.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real standalone ZooKeeper server inside this JVM, on a free port of 127.0.0.1, with its data in a
 * temporary directory deleted on close: the quickstart's coordination service.
 *
 * <p>Threading: start and close from one thread; the server runs on its own threads.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedZooKeeper.class);
    private static final int TICK_MILLIS = 2_000;
    private static final int MAX_CLIENT_CONNECTIONS = 200;

    private final Path directory;
    private final ZooKeeperServer server;
    private final ServerCnxnFactory connections;

    private EmbeddedZooKeeper(Path directory, ZooKeeperServer server, ServerCnxnFactory connections) {
        this.directory = directory;
        this.server = server;
        this.connections = connections;
    }

    /** Starts a server and returns once it accepts connections. */
    public static EmbeddedZooKeeper start() {
        Path directory = TempDirectories.create("tributary-zookeeper");
        try {
            ZooKeeperServer server = new ZooKeeperServer(directory.resolve("snapshots").toFile(),
                    directory.resolve("log").toFile(), TICK_MILLIS);
            ServerCnxnFactory connections = ServerCnxnFactory.createFactory(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), MAX_CLIENT_CONNECTIONS);
            connections.startup(server);
            EmbeddedZooKeeper zooKeeper = new EmbeddedZooKeeper(directory, server, connections);
            LOG.info("embedded ZooKeeper serving {}", zooKeeper.connectString());
            return zooKeeper;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded ZooKeeper: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the embedded ZooKeeper", e);
        }
    }

    /** The connect string, e.g. {@code 127.0.0.1:40123}. */
    public String connectString() {
        return "127.0.0.1:" + connections.getLocalPort();
    }

    @Override
    public void close() {
        connections.shutdown();
        server.shutdown();
        try {
            TempDirectories.deleteRecursively(directory);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", directory, e.getMessage());
        }
    }
}
