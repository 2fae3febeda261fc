package dev.tributary.worker.realtime;

import dev.tributary.core.input.JsonInputRowParser;
import dev.tributary.core.input.transform.RowTransformer;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.QueryExecutor;
import dev.tributary.worker.query.LocalSegments;
import dev.tributary.core.spec.IngestionSpec;
import dev.tributary.core.spi.Plumber;
import dev.tributary.core.spi.PlumberFactory;
import dev.tributary.core.spi.PositionLedger;
import dev.tributary.worker.plumber.HandoffPlumberFactory;
import dev.tributary.worker.plumber.RealtimePlumber;
import dev.tributary.worker.plumber.SegmentHandoff;
import dev.tributary.worker.plumber.RealtimePlumberFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests one spec: a firehose feeding a plumber on a dedicated ingestion thread, with everything
 * ingested queryable through {@link #queries()} at once. {@link #start} and {@link #close} are called
 * from one controlling thread; the status and query methods from any thread.
 */
public final class RealtimeNode implements LocalSegments, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeNode.class);
    /** How long a clean stop waits for the handoff of every sink (in a cluster, with a historical up). */
    static final java.time.Duration HANDOFF_AT_STOP = java.time.Duration.ofSeconds(60);

    /** Lifecycle of the ingestion thread. */
    public enum State { CREATED, RUNNING, FAILED, STOPPED }

    private final IngestionSpec spec;
    private final Plumber plumber;
    private final IngestionMetrics metrics = new IngestionMetrics();
    private final IngestionLoop loop;
    private final Thread thread;
    private final QueryExecutor queries;
    private final AtomicReference<State> state = new AtomicReference<>(State.CREATED);
    private volatile String lastError;

    /** A node whose firehose keeps positions in its source alone (Kafka's committed offsets). */
    public RealtimeNode(IngestionSpec spec) {
        this(spec, null, "tributary");
    }

    /**
     * @param ledger where positions are claimed and committed (the metadata store's offset ledger);
     *               null to keep them in the source alone
     * @param owner this worker's name in the ledger
     */
    public RealtimeNode(IngestionSpec spec, PositionLedger ledger, String owner) {
        this(spec, ledger, owner, SegmentHandoff.NONE);
    }

    /**
     * @param handoff how sinks are announced and handed off to the cluster ({@link SegmentHandoff#NONE}
     *                keeps them on this node)
     */
    public RealtimeNode(IngestionSpec spec, PositionLedger ledger, String owner, SegmentHandoff handoff) {
        this.spec = spec;
        PlumberFactory plumbers = spec.ioConfig().plumber() == null ? new RealtimePlumberFactory() : spec.ioConfig().plumber();
        this.plumber = plumbers instanceof HandoffPlumberFactory handingOff
                ? handingOff.create(spec.dataSchema(), spec.tuningConfig(), handoff)
                : plumbers.create(spec.dataSchema(), spec.tuningConfig());
        String dataSource = spec.dataSchema().dataSource();
        this.queries = new QueryExecutor(name -> name.equals(dataSource) ? plumber.queryablePieces() : List.of());
        this.loop = new IngestionLoop(spec.ioConfig().firehose(), ledger, owner, spec.tuningConfig().maxEventBytes(),
                new JsonInputRowParser(spec.dataSchema(), spec.flattenSpec()),
                new RowTransformer(spec.dataSchema().transformSpec()), plumber, metrics, this::failed);
        this.thread = new Thread(loop, "ingest-" + dataSource);
    }

    public void start() {
        if (!state.compareAndSet(State.CREATED, State.RUNNING)) {
            throw new IllegalStateException("a node starts once; it is " + state.get());
        }
        LOG.info("ingesting dataSource '{}' from {}", spec.dataSchema().dataSource(), spec.ioConfig().firehose());
        thread.start();
    }

    private void failed(Throwable error) {
        lastError = error.getClass().getSimpleName() + ": " + error.getMessage();
        state.set(State.FAILED);
        LOG.error("ingestion of '{}' stopped by an error", spec.dataSchema().dataSource(), error);
    }

    public String dataSource() {
        return spec.dataSchema().dataSource();
    }

    public QueryExecutor queries() {
        return queries;
    }

    public IngestionMetrics metrics() {
        return metrics;
    }

    public State state() {
        return state.get();
    }

    /** Each sink as the segment it is announced as; one pseudo-segment for a plumber type without sinks. */
    @Override
    public Map<String, List<? extends QueryableIndex>> piecesBySegment(String dataSource) {
        if (!dataSource.equals(spec.dataSchema().dataSource())) {
            return Map.of();
        }
        if (plumber instanceof RealtimePlumber realtime) {
            return Map.copyOf(realtime.piecesBySegment());
        }
        return Map.of(dataSource + "_local", plumber.queryablePieces());
    }

    /** The plumber (a {@link RealtimePlumber} unless the spec names another type). */
    public Plumber plumber() {
        return plumber;
    }

    public long rowsInMemory() {
        return plumber instanceof RealtimePlumber realtime ? realtime.rowsInMemory() : 0;
    }

    /** What {@code GET /status/ingestion} shows. No secrets: the firehose is named by type only. */
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("dataSource", spec.dataSchema().dataSource());
        status.put("state", state.get().name());
        status.put("consumed", metrics.consumed());
        status.put("processed", metrics.processed());
        status.put("unparseable", metrics.unparseable());
        status.put("thrownAway", metrics.thrownAway());
        if (plumber instanceof RealtimePlumber realtime) {
            status.put("rowsInMemory", realtime.rowsInMemory());
            status.put("bytesInMemory", realtime.bytesInMemory());
            status.put("sinks", realtime.sinkCount());
            status.put("hydrants", realtime.hydrantCount());
            status.put("persist", realtime.metrics().asMap());
            status.put("pendingPersists", realtime.pendingPersists());
            status.put("pendingHandoffs", realtime.pendingHandoffs());
            status.put("stuckHandoffs", realtime.stuckHandoffs());
            status.put("handoffs", realtime.handoffStatus());
        }
        status.put("partitions", metrics.partitions());
        status.put("rewinds", metrics.rewinds());
        status.put("recentUnparseable", metrics.recentUnparseable());
        status.put("lastError", lastError);
        return status;
    }

    @Override
    public void close() {
        loop.stop();
        try {
            // No interrupt: the loop notices stop() within one poll wait and closes its consumer cleanly.
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state.compareAndSet(State.RUNNING, State.STOPPED);
        if (plumber instanceof RealtimePlumber realtime && state.get() == State.STOPPED && !thread.isAlive()) {
            realtime.handOffAll(HANDOFF_AT_STOP);
        }
        plumber.close();
    }
}
