package dev.tributary.worker.cluster;

import dev.tributary.worker.metadata.DataSegment;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.curator.framework.api.CuratorEventType;
import org.apache.curator.framework.api.CuratorListener;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.zookeeper.CreateMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces one server and the segments it serves in ZooKeeper: {@code <base>/announcements/<name>}
 * with the {@link ServerInfo} JSON, and {@code <base>/segments/<name>/<segmentId>} with each
 * {@link DataSegment}'s JSON. The nodes are ephemeral, so they go when this server's session ends.
 *
 * <p>Each node is a Curator {@link PersistentNode}: it is created in the background (so a node can
 * start while ZooKeeper is briefly away) and created again after a reconnect, a session expiry or a
 * deletion by someone else. Nothing here has to replay announcements after a session loss.
 *
 * <p>Thread-safe. The methods return before ZooKeeper has the change, except that
 * {@link #unannounce} and {@link #close} delete in the calling thread, and while ZooKeeper is
 * unreachable they wait for the client's retry policy to give up; Curator then keeps retrying the
 * delete in the background (and an ephemeral node goes with the session in any case).
 *
 * <p>Close the announcer before its client. A client closed first ends the announcements with its
 * session; the announcer notices and stops, rather than leaving Curator to re-create nodes
 * through a closed client.
 */
public final class Announcer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Announcer.class);

    private enum State { LATENT, STARTED, CLOSED }

    private final CuratorFramework client;
    private final ClusterPaths paths;
    private final ServerInfo self;
    /** Guards {@link #state}, {@link #serverNode} and {@link #segments}. */
    private final Object lock = new Object();
    private State state = State.LATENT;
    private PersistentNode serverNode;
    private PersistentNode leavingNode;
    private final Map<String, PersistentNode> segments = new LinkedHashMap<>();
    private final CuratorListener onClientClosing = this::onClientEvent;

    public Announcer(CuratorFramework client, String basePath, ServerInfo self) {
        this.client = Objects.requireNonNull(client, "client");
        this.paths = new ClusterPaths(basePath);
        this.self = Objects.requireNonNull(self, "self");
    }

    /** Announces this server; call once, before announcing segments. */
    public void start() {
        synchronized (lock) {
            if (state != State.LATENT) {
                throw new IllegalStateException("announcer for " + self.name() + " is " + state + ", not new");
            }
            client.getCuratorListenable().addListener(onClientClosing);
            serverNode = ephemeral(paths.server(self.name()), AnnouncementJson.write(self));
            state = State.STARTED;
        }
    }

    /** Announces {@code segment} as served by this server. An id already announced is left as it is. */
    public void announce(DataSegment segment) {
        String id = segment.id();
        String path = paths.segment(self.name(), id);
        byte[] data = AnnouncementJson.write(segment);
        synchronized (lock) {
            requireStarted("announce " + id);
            if (!segments.containsKey(id)) {
                segments.put(id, ephemeral(path, data));
            }
        }
    }

    /** Withdraws the announcement of {@code segmentId}; nothing happens if it is not announced. */
    public void unannounce(String segmentId) {
        PersistentNode node;
        synchronized (lock) {
            node = segments.remove(segmentId);
        }
        if (node != null) {
            delete(node, segmentId, false);
        }
    }

    /**
     * Marks this server as leaving: it still serves what it announces, while the others take over its
     * share (see {@link ClusterView#isLeaving}). Idempotent; {@link #close} withdraws the mark too.
     */
    public void announceLeaving() {
        synchronized (lock) {
            requireStarted("announce that " + self.name() + " is leaving");
            if (leavingNode == null) {
                leavingNode = ephemeral(paths.leaving(self.name()), new byte[0]);
            }
        }
    }

    /** The ids this announcer announces now (whether or not ZooKeeper has them yet). */
    public Set<String> announced() {
        synchronized (lock) {
            return Set.copyOf(segments.keySet());
        }
    }

    /** Withdraws every segment, then the server. Idempotent. */
    @Override
    public void close() {
        client.getCuratorListenable().removeListener(onClientClosing);
        withdrawAll(false);
    }

    /** {@code clientClosing}: the deletes cannot reach ZooKeeper, and the session ends anyway. */
    private void withdrawAll(boolean clientClosing) {
        Map<String, PersistentNode> toDelete;
        PersistentNode server;
        PersistentNode leaving;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            toDelete = new LinkedHashMap<>(segments);
            segments.clear();
            server = serverNode;
            serverNode = null;
            leaving = leavingNode;
            leavingNode = null;
        }
        toDelete.forEach((id, node) -> delete(node, id, clientClosing));
        if (server != null) {
            delete(server, self.name(), clientClosing);
        }
        if (leaving != null) {
            delete(leaving, self.name() + " (leaving)", clientClosing);
        }
    }

    private void onClientEvent(CuratorFramework closing, CuratorEvent event) {
        if (event.getType() == CuratorEventType.CLOSING) {
            LOG.info("The ZooKeeper client is closing: {} and its segments are no longer announced", self.name());
            withdrawAll(true);
        }
    }

    private void requireStarted(String action) {
        if (state != State.STARTED) {
            throw new IllegalStateException("cannot " + action + ": announcer for " + self.name() + " is "
                    + (state == State.LATENT ? "not started" : "closed"));
        }
    }

    private PersistentNode ephemeral(String path, byte[] data) {
        PersistentNode node = new PersistentNode(client, CreateMode.EPHEMERAL, false, path, data);
        node.start();
        return node;
    }

    /** A failed delete is logged, not thrown: the node still goes with the session, and Curator retries it. */
    private void delete(PersistentNode node, String what, boolean clientClosing) {
        try {
            node.close();
        } catch (IOException | RuntimeException e) {
            if (clientClosing) {
                LOG.debug("Not deleting the announcement of {}: the client is closing", what, e);
                return;
            }
            LOG.warn("Could not withdraw the announcement of {} from ZooKeeper now; it goes when the session ends",
                    what, e);
        }
    }
}
