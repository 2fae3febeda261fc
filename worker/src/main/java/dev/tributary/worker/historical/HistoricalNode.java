package dev.tributary.worker.historical;

import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.segment.Segment;
import dev.tributary.deepstorage.DeepStorage;
import dev.tributary.deepstorage.LocationOutsideBaseException;
import dev.tributary.worker.cluster.Announcer;
import dev.tributary.worker.cluster.ClusterView;
import dev.tributary.worker.cluster.ServerInfo;
import dev.tributary.worker.metadata.DataSegment;
import dev.tributary.worker.metadata.SegmentStore;
import dev.tributary.worker.query.LocalSegments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A historical node: holds its share of the used segments and serves them. Its share is decided
 * without a coordinator: of every used segment in the metadata store, it holds those that rendezvous
 * hashing over the live historicals in ZooKeeper gives it ({@link RendezvousHashing}, with the
 * replication factor). It pulls them from deep storage into its {@link SegmentCache}, memory-maps
 * and announces them, and drops a segment once it is no longer used, or once it is no longer its
 * share and one of the historicals whose share it is now announces it (so that a segment never goes
 * unserved while historicals join; one that stops takes its segments out of queries until their new
 * holders have loaded them, unless they have other replicas). Its first sync also deletes the copies
 * left in the cache from before a restart that are no longer its share.
 *
 * <p>Threading: one load thread does every sync (every poll period, and at once when the set of
 * servers in ZooKeeper changes); queries read {@link #piecesBySegment} from any thread.
 */
public final class HistoricalNode implements LocalSegments, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoricalNode.class);

    private record Loaded(DataSegment descriptor, Segment segment) {
    }

    private final HistoricalConfig config;
    private final ServerInfo self;
    private final SegmentStore store;
    private final ClusterView view;
    private final Announcer announcer;
    private final SegmentCache cache;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final ScheduledExecutorService loadThread;
    private final AtomicBoolean syncQueued = new AtomicBoolean();
    private final AtomicLong syncs = new AtomicLong();
    private volatile String lastError;
    private volatile boolean leaving;
    /** Whether the copies left from before a restart that are not this node's share were deleted; load thread only. */
    private boolean cacheSwept;

    public HistoricalNode(HistoricalConfig config, ServerInfo self, SegmentStore store, DeepStorage deepStorage,
            ClusterView view, Announcer announcer) throws IOException {
        this.config = config;
        this.self = self;
        this.store = store;
        this.view = view;
        this.announcer = announcer;
        this.cache = new SegmentCache(config.cacheDirectory(), config.maxCacheBytes(), deepStorage);
        this.loadThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "historical-load");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts syncing: now, every poll period, and whenever the cluster view changes. */
    public void start() {
        view.addListener(this::requestSync);
        loadThread.scheduleWithFixedDelay(this::syncSafely, 0, config.pollPeriodMillis(), TimeUnit.MILLISECONDS);
    }

    private void requestSync() {
        if (syncQueued.compareAndSet(false, true) && !loadThread.isShutdown()) {
            try {
                loadThread.execute(this::syncSafely);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing
            }
        }
    }

    private void syncSafely() {
        syncQueued.set(false);
        try {
            sync();
            syncs.incrementAndGet();
        } catch (RuntimeException e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warn("historical sync failed, trying again at the next poll: {}", lastError);
        }
    }

    /** One pass: load this node's share of the used segments, drop what it should no longer hold. */
    void sync() {
        List<DataSegment> used = store.usedSegments();
        // The share is computed over the historicals that stay: a leaving one (this node too, once it
        // leaves) holds nothing new, and drops each segment once one of those that stay serves it.
        List<String> historicals = new ArrayList<>();
        view.servers(ServerInfo.HISTORICAL).stream().filter(s -> !view.isLeaving(s.name()))
                .forEach(s -> historicals.add(s.name()));
        if (!leaving && !historicals.contains(self.name())) {
            historicals.add(self.name());
        }
        Map<String, List<String>> holders = new HashMap<>();
        Set<String> mine = new HashSet<>();
        for (DataSegment segment : used) {
            List<String> holdersOfSegment = RendezvousHashing.holders(segment.id(), historicals, config.replicationFactor());
            holders.put(segment.id(), holdersOfSegment);
            if (holdersOfSegment.contains(self.name())) {
                mine.add(segment.id());
                if (!loaded.containsKey(segment.id())) {
                    load(segment);
                }
            }
        }
        for (Loaded held : List.copyOf(loaded.values())) {
            String id = held.descriptor().id();
            if (!holders.containsKey(id)) {
                drop(held, "it is no longer used");
            } else if (!mine.contains(id) && servedByOneOf(id, holders.get(id))) {
                drop(held, "a historical that holds it now serves it");
            }
        }
        failures.keySet().retainAll(mine);
        if (!cacheSwept) {
            sweepCache();
        }
    }

    private void sweepCache() {
        List<DataSegment> keep = new ArrayList<>();
        loaded.values().forEach(held -> keep.add(held.descriptor()));
        try {
            cache.retainOnly(keep);
            cacheSwept = true;
        } catch (IOException e) {
            lastError = "cleaning the segment cache: " + e.getMessage();
            LOG.warn("could not delete stale segments from the cache, trying again at the next poll: {}", e.getMessage());
        }
    }

    /**
     * Whether one of the segment's holders announces it. Another old holder does not count: with
     * several replicas, every old holder of a segment whose holders all changed would otherwise see
     * the others still serving it and drop it at once, before any new holder has it.
     */
    private boolean servedByOneOf(String segmentId, List<String> holders) {
        return view.serversOf(segmentId).stream()
                .anyMatch(s -> ServerInfo.HISTORICAL.equals(s.role()) && holders.contains(s.name()));
    }

    private void load(DataSegment segment) {
        try {
            Segment opened = cache.load(segment);
            loaded.put(segment.id(), new Loaded(segment, opened));
            announcer.announce(segment);
            failures.remove(segment.id());
            LOG.info("serving segment {} ({} rows)", segment.id(), opened.rowCount());
        } catch (LocationOutsideBaseException e) {
            recordFailure(segment, "refused: its loadSpec points outside deep storage (" + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            recordFailure(segment, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void recordFailure(DataSegment segment, String message) {
        if (failures.put(segment.id(), message) == null) {
            LOG.error("cannot load segment {}: {}", segment.id(), message);
        }
        lastError = segment.id() + ": " + message;
    }

    private void drop(Loaded held, String why) {
        String id = held.descriptor().id();
        announcer.unannounce(id);
        loaded.remove(id);
        try {
            cache.remove(held.descriptor());
        } catch (IOException e) {
            LOG.warn("could not delete cached segment {}: {}", id, e.getMessage());
        }
        LOG.info("dropped segment {}: {}", id, why);
    }

    @Override
    public Map<String, List<? extends QueryableIndex>> piecesBySegment(String dataSource) {
        Map<String, List<? extends QueryableIndex>> pieces = new LinkedHashMap<>();
        for (Loaded held : loaded.values()) {
            if (held.descriptor().dataSource().equals(dataSource)) {
                pieces.put(held.descriptor().id(), List.of(held.segment()));
            }
        }
        return pieces;
    }

    /** The ids of the segments served now. */
    public Set<String> servedSegments() {
        return Set.copyOf(loaded.keySet());
    }

    /** How many segments it serves of each dataSource. */
    public Map<String, Integer> segmentsByDataSource() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        loaded.values().forEach(held -> counts.merge(held.descriptor().dataSource(), 1, Integer::sum));
        return counts;
    }

    public long cacheBytes() {
        return cache.usedBytes();
    }

    public long cacheMaxBytes() {
        return cache.maxBytes();
    }

    /** Segments of its share it could not load (tried again at every sync). */
    public int failedSegments() {
        return failures.size();
    }

    /** Syncs that completed. */
    public long syncs() {
        return syncs.get();
    }

    /** What {@code /status/ingestion} shows for a historical (no secrets: loadSpecs are not shown). */
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("role", ServerInfo.HISTORICAL);
        status.put("server", self.name());
        status.put("segments", loaded.size());
        status.put("cacheBytes", cache.usedBytes());
        status.put("cacheMaxBytes", cache.maxBytes());
        status.put("replicationFactor", config.replicationFactor());
        status.put("syncs", syncs.get());
        status.put("failedSegments", Map.copyOf(failures));
        status.put("lastError", lastError);
        return status;
    }

    /**
     * Leaves the cluster gracefully: announces that this node is leaving, so that the historicals that
     * stay take over its share, and goes on serving each segment until one of them announces it (or
     * until {@code timeout}, when no other historical can take a segment). Called before {@link #close}.
     *
     * @return true if every segment was taken over in time
     */
    public boolean leave(java.time.Duration timeout) {
        leaving = true;
        announcer.announceLeaving();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!loaded.isEmpty() && System.nanoTime() < deadline && anotherHistoricalStays()) {
            requestSync();
            try {
                Thread.sleep(Math.min(200, config.pollPeriodMillis())); // polling the drain, bounded by the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!loaded.isEmpty()) {
            LOG.warn("leaving with {} segments that no other historical took over (within {})", loaded.size(), timeout);
            return false;
        }
        LOG.info("every segment of {} is served by another historical; leaving", self.name());
        return true;
    }

    private boolean anotherHistoricalStays() {
        return view.servers(ServerInfo.HISTORICAL).stream()
                .anyMatch(s -> !s.name().equals(self.name()) && !view.isLeaving(s.name()));
    }

    @Override
    public void close() {
        loadThread.shutdownNow();
        try {
            loadThread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
