package dev.tributary.worker.cluster;

import dev.tributary.worker.cluster.ClusterPaths.Location;
import dev.tributary.worker.metadata.DataSegment;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's view of the cluster, kept from ZooKeeper by a {@link CuratorCache} over the base path:
 * which servers are live (announced) and which segments each announces (see {@link Announcer}).
 * A segment announced under a server that is not announced (its session is ending, or it has not
 * announced itself yet) is not part of the view.
 *
 * <p>Thread-safe. The view is updated on Curator's event thread, one ZooKeeper node at a time, so a
 * reader may see a server before all its segments. Listeners run on that thread after each change
 * and must not block it; one that throws is logged and the others still run.
 */
public final class ClusterView implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterView.class);
    /** How long {@link #start()} waits for the first full load: a connect and a read of the tree. */
    static final Duration DEFAULT_LOAD_TIMEOUT = Duration.ofSeconds(30);
    private static final Comparator<ServerInfo> BY_NAME = Comparator.comparing(ServerInfo::name);

    private final CuratorFramework client;
    private final ClusterPaths paths;
    private final Duration loadTimeout;
    private final CuratorCache cache;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final Map<String, ServerInfo> servers = new ConcurrentHashMap<>();
    /** Server name to (segment id to segment); a server with no segments has no entry. */
    private final Map<String, Map<String, DataSegment>> segments = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Names of servers that announced they are leaving. */
    private final Set<String> leaving = ConcurrentHashMap.newKeySet();

    public ClusterView(CuratorFramework client, String basePath) {
        this(client, basePath, DEFAULT_LOAD_TIMEOUT);
    }

    ClusterView(CuratorFramework client, String basePath, Duration loadTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.paths = new ClusterPaths(basePath);
        this.loadTimeout = Objects.requireNonNull(loadTimeout, "loadTimeout");
        this.cache = CuratorCache.build(client, paths.base());
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forAll(this::onNodeEvent)
                .forInitialized(loaded::countDown)
                .build());
    }

    /**
     * Starts watching and waits until the view holds everything ZooKeeper had (30 seconds at most).
     *
     * @throws ZooKeeperUnavailableException if ZooKeeper did not answer in that time
     */
    public void start() {
        cache.start();
        boolean done;
        try {
            done = loaded.await(loadTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZooKeeperUnavailableException("interrupted while loading the cluster view from ZooKeeper at "
                    + client.getZookeeperClient().getCurrentConnectionString());
        }
        if (!done) {
            throw new ZooKeeperUnavailableException("could not load the cluster view under " + paths.base()
                    + " from ZooKeeper at " + client.getZookeeperClient().getCurrentConnectionString() + " within "
                    + loadTimeout.toMillis() + " ms; is ZooKeeper running, and " + ZooKeeperConfig.CONNECT_STRING.name()
                    + " right?");
        }
    }

    /** The live servers, by name. */
    public List<ServerInfo> servers() {
        List<ServerInfo> live = new ArrayList<>(servers.values());
        live.sort(BY_NAME);
        return Collections.unmodifiableList(live);
    }

    /** The live servers of {@code role} ({@link ServerInfo#REALTIME}, {@link ServerInfo#HISTORICAL}), by name. */
    public List<ServerInfo> servers(String role) {
        return servers().stream().filter(s -> s.role().equals(role)).toList();
    }

    /** Every live server, by name, with the segments it announces, by id (an empty list if none). */
    public Map<ServerInfo, List<DataSegment>> segmentsByServer() {
        Map<ServerInfo, List<DataSegment>> result = new LinkedHashMap<>();
        for (ServerInfo server : servers()) {
            List<DataSegment> served = new ArrayList<>(segments.getOrDefault(server.name(), Map.of()).values());
            served.sort(Comparator.comparing(DataSegment::id));
            result.put(server, List.copyOf(served));
        }
        return Collections.unmodifiableMap(result);
    }

    /** The live servers that announce {@code segmentId}, by name. */
    public List<ServerInfo> serversOf(String segmentId) {
        return servers().stream()
                .filter(s -> segments.getOrDefault(s.name(), Map.of()).containsKey(segmentId))
                .toList();
    }

    /** Whether a live server of {@code role} that is not leaving announces {@code segmentId}. */
    public boolean isServedBy(String segmentId, String role) {
        return serversOf(segmentId).stream().anyMatch(s -> s.role().equals(role) && !isLeaving(s.name()));
    }

    /** Whether the server named {@code serverName} announced that it is leaving (it still serves meanwhile). */
    public boolean isLeaving(String serverName) {
        return leaving.contains(serverName);
    }

    /** Runs {@code onChange} on Curator's event thread after each change to the view. */
    public void addListener(Runnable onChange) {
        listeners.add(Objects.requireNonNull(onChange, "onChange"));
    }

    @Override
    public void close() {
        cache.close();
    }

    private void onNodeEvent(CuratorCacheListener.Type type, ChildData before, ChildData after) {
        ChildData node = type == CuratorCacheListener.Type.NODE_DELETED ? before : after;
        Location location = paths.locate(node.getPath()).orElse(null);
        if (location == null) {
            return;
        }
        boolean deleted = type == CuratorCacheListener.Type.NODE_DELETED;
        if (location.isLeaving()) {
            if (deleted) {
                leaving.remove(location.serverName());
            } else {
                leaving.add(location.serverName());
            }
        } else if (location.isServer()) {
            ServerInfo server = deleted ? null : read(node, AnnouncementJson::readServer, "server announcement");
            if (server != null && !server.name().equals(location.serverName())) {
                LOG.warn("Ignoring the announcement at {}: it names server {}", node.getPath(), server.name());
                server = null;
            }
            if (server == null) {
                servers.remove(location.serverName());
            } else {
                servers.put(location.serverName(), server);
            }
        } else {
            DataSegment segment = deleted ? null : read(node, AnnouncementJson::readSegment, "segment announcement");
            if (segment != null && !segment.id().equals(location.segmentId())) {
                LOG.warn("Ignoring the segment announcement at {}: it describes segment {}", node.getPath(),
                        segment.id());
                segment = null;
            }
            updateSegment(location, segment);
        }
        notifyListeners();
    }

    private void updateSegment(Location location, DataSegment segment) {
        if (segment == null) {
            segments.computeIfPresent(location.serverName(), (name, served) -> {
                served.remove(location.segmentId());
                return served.isEmpty() ? null : served;
            });
        } else {
            segments.compute(location.serverName(), (name, served) -> {
                Map<String, DataSegment> updated = served == null ? new ConcurrentHashMap<>() : served;
                updated.put(location.segmentId(), segment);
                return updated;
            });
        }
    }

    /** The node's data, or null (logged) if it is not what its path says: someone else wrote there. */
    private static <T> T read(ChildData node, JsonReader<T> reader, String what) {
        try {
            return reader.read(node.getData());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring {}: its data is not a {} ({})", node.getPath(), what, e.getMessage());
            return null;
        }
    }

    private interface JsonReader<T> {
        T read(byte[] data) throws IOException;
    }

    private void notifyListeners() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A cluster view listener failed", e);
            }
        }
    }
}
