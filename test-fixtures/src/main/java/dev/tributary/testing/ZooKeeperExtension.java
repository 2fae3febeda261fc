package dev.tributary.testing;

import java.util.Objects;

import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class the one in-process ZooKeeper server of this test JVM (Curator's
 * {@link TestingServer}), started by the first class that asks for it and closed when the whole
 * test run ends.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ZooKeeperExtension ZOOKEEPER = new ZooKeeperExtension();
 * }</pre>
 *
 * <p>Test classes share the server, so each should work under a base path of its own.
 */
public final class ZooKeeperExtension implements BeforeAllCallback {

    private volatile TestingServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = SharedResources.getOrStart(context, TestingServer.class, ZooKeeperExtension::startServer);
    }

    /** The connect string of the shared server, e.g. {@code 127.0.0.1:40123}. */
    public String connectString() {
        return server().getConnectString();
    }

    /**
     * Stops and starts the shared server on the same port and data, which expires no session that
     * reconnects in time but drops every connection. Every test class using the server sees it,
     * so tests that call this must not run in parallel with other ZooKeeper tests.
     */
    public void restart() {
        try {
            server().restart();
        } catch (Exception e) {
            throw new IllegalStateException("Could not restart the test ZooKeeper at " + connectString(), e);
        }
    }

    private TestingServer server() {
        return Objects.requireNonNull(server,
                "ZooKeeper is started in beforeAll: register ZooKeeperExtension on a static field");
    }

    private static TestingServer startServer() {
        try {
            // A free port and a temporary data directory that close() deletes.
            return new TestingServer(true);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test ZooKeeper server", e);
        }
    }
}
