package dev.tributary.worker.plumber;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.io.FileTrees;
import dev.tributary.core.segment.Segment;
import dev.tributary.core.segment.SegmentMerger;
import dev.tributary.worker.metadata.DataSegment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handoff of one sink, a step at a time: wait until every hydrant is persisted and committed,
 * merge them into one segment, push it to deep storage, publish it to the metadata store, wait until
 * a historical announces it, withdraw the sink's own announcement, and after a short delay (for
 * queries routed by a view that has not caught up yet) delete the sink. A step that fails is tried
 * again after a backoff; nothing is deleted before a historical serves the segment. Past
 * {@code handoffConditionTimeout} the handoff counts as stuck (status, metrics) and goes on waiting.
 *
 * <p>Threading: {@link #step} runs on the plumber's handoff thread only; {@link #status} is read by
 * any thread.
 */
final class SinkHandoff {
    private static final Logger LOG = LoggerFactory.getLogger(SinkHandoff.class);
    private static final long POLL_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    enum Stage { COMMITTING, MERGING, PUSHING, PUBLISHING, WAITING, DROPPING, DONE }

    private final Sink sink;
    private final PersistDirectory directory;
    private final SegmentHandoff handoff;
    private final PersistMetrics metrics;
    private final Clock clock;
    private final long timeoutMillis;
    private final long dropDelayMillis;
    private final Consumer<Sink> dropped;
    private final long started;
    private volatile Stage stage = Stage.COMMITTING;
    private volatile boolean stuck;
    private volatile int failures;
    private volatile String lastError;
    private Path merged;
    private DataSegment pushed;
    private long dropAt;

    /**
     * @param timeoutMillis handoffConditionTimeout; 0 never counts the handoff as stuck
     * @param dropped       removes the sink from the plumber once its files are gone
     */
    SinkHandoff(Sink sink, PersistDirectory directory, SegmentHandoff handoff, PersistMetrics metrics, Clock clock,
            long timeoutMillis, long dropDelayMillis, Consumer<Sink> dropped) {
        this.sink = sink;
        this.directory = directory;
        this.handoff = handoff;
        this.metrics = metrics;
        this.clock = clock;
        this.timeoutMillis = timeoutMillis;
        this.dropDelayMillis = dropDelayMillis;
        this.dropped = dropped;
        this.started = clock.millis();
    }

    Sink sink() {
        return sink;
    }

    Stage stage() {
        return stage;
    }

    /** Runs as many steps as can go now; returns the delay before the next call in ms, or -1 when done. */
    long step() {
        try {
            while (true) {
                long wait = advance();
                if (wait != 0) {
                    if (stage == Stage.DONE) {
                        return -1;
                    }
                    return wait;
                }
            }
        } catch (IOException | RuntimeException e) {
            failures++;
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            metrics.handoffFailed();
            long backoff = Math.min(MAX_BACKOFF_MILLIS, 500L << Math.min(failures - 1, 6));
            LOG.warn("handoff of {} failed at {} (attempt {}), trying again in {} ms: {}", sink.segment().id(), stage,
                    failures, backoff, lastError);
            return backoff;
        }
    }

    /** One step; 0 to go on at once, else the delay before trying again (or -1 when done). */
    private long advance() throws IOException {
        switch (stage) {
            case COMMITTING -> {
                if (!allCommitted()) {
                    return POLL_MILLIS; // a persist or its commit is still running, or dropUncommitted is due
                }
                stage = persistedPieces().isEmpty() ? Stage.DROPPING : Stage.MERGING;
                dropAt = clock.millis();
                if (stage == Stage.MERGING && handoff.isPublished(sink.segment())) {
                    pushed = sink.segment(); // published before a restart: do not push again
                    stage = Stage.WAITING;
                }
                return 0;
            }
            case MERGING -> {
                merged = directory.merged(sink.interval());
                FileTrees.deleteRecursively(merged); // the output of a merge cut short
                SegmentMerger.merge(persistedPieces(), merged);
                stage = Stage.PUSHING;
                return 0;
            }
            case PUSHING -> {
                Segment segment = Segment.open(merged);
                List<String> metricNames = segment.metrics().stream().map(AggregatorFactory::name).toList();
                DataSegment described = new DataSegment(sink.segment().dataSource(), sink.interval(),
                        sink.segment().version(), Map.of(), segment.dimensionNames(), metricNames,
                        sink.segment().partitionNum(), 0);
                pushed = handoff.push(merged, described);
                metrics.pushed();
                stage = Stage.PUBLISHING;
                return 0;
            }
            case PUBLISHING -> {
                handoff.publish(pushed);
                metrics.published();
                LOG.info("published segment {} ({} bytes); waiting for a historical to serve it", pushed.id(), pushed.size());
                stage = Stage.WAITING;
                return 0;
            }
            case WAITING -> {
                if (!handoff.isServedByHistorical(pushed)) {
                    if (!stuck && timeoutMillis > 0 && clock.millis() - started > timeoutMillis) {
                        stuck = true;
                        metrics.handoffStuck();
                        LOG.warn("handoff of {} is stuck: no historical has served it within handoffConditionTimeout ({} ms); "
                                + "the sink stays on this node and keeps being served. Check that historicals run and can "
                                + "reach deep storage.", pushed.id(), timeoutMillis);
                    }
                    return POLL_MILLIS;
                }
                handoff.unannounce(sink.segment());
                dropAt = clock.millis() + dropDelayMillis;
                stage = Stage.DROPPING;
                return 0;
            }
            case DROPPING -> {
                long wait = dropAt - clock.millis();
                if (wait > 0) {
                    return wait;
                }
                handoff.unannounce(sink.segment());
                directory.deleteSink(sink.interval());
                dropped.accept(sink);
                if (pushed != null) {
                    metrics.handedOff();
                    LOG.info("handed off segment {}: a historical serves it, the sink is dropped", pushed.id());
                }
                stage = Stage.DONE;
                return -1;
            }
            default -> {
                return -1;
            }
        }
    }

    private boolean allCommitted() {
        for (Hydrant hydrant : sink.hydrants()) {
            boolean emptyLive = hydrant.live() != null && hydrant.live().rowCount() == 0;
            if (!emptyLive && !(hydrant.persisted() && hydrant.committed())) {
                return false;
            }
        }
        return true;
    }

    private List<QueryableIndex> persistedPieces() {
        return sink.hydrants().stream().filter(Hydrant::persisted).map(Hydrant::piece).toList();
    }

    /** What {@code /status} shows of this handoff. */
    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("segment", sink.segment().id());
        status.put("stage", stage.name());
        status.put("stuck", stuck);
        status.put("millis", clock.millis() - started);
        status.put("failures", failures);
        status.put("lastError", lastError);
        return status;
    }

    boolean stuck() {
        return stuck;
    }
}
