package dev.tributary.worker.metrics;

import static dev.tributary.worker.metrics.MeterBindings.counter;
import static dev.tributary.worker.metrics.MeterBindings.gauge;

import dev.tributary.worker.plumber.PersistMetrics;
import dev.tributary.worker.plumber.RealtimePlumber;
import dev.tributary.worker.realtime.IngestionMetrics;
import dev.tributary.worker.realtime.RealtimeNode;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.TimeUnit;

/**
 * A realtime node's meters, over its own counters: ingestion ({@link IngestionMetrics}), the plumber's
 * memory and sinks, persists and commits, and handoffs ({@link PersistMetrics}). Every series carries
 * the dataSource as the tag {@code dataSource}; the per-partition ones also {@code partition}
 * ({@code topic-partition}). The names as Prometheus shows them are listed in docs/http-api.md.
 */
public final class RealtimeMeters {
    private RealtimeMeters() {
    }

    /** Binds the node's meters to {@code metrics}; the per-partition gauges follow the assignment at each scrape. */
    public static void bind(NodeMetrics metrics, RealtimeNode node) {
        MeterRegistry registry = metrics.registry();
        Tags tags = Tags.of("dataSource", node.dataSource());
        bindIngestion(registry, tags, node);
        IngestionMetrics ingestion = node.metrics();
        KeyedGauges positions = new KeyedGauges(registry, "tributary.ingestion.partition.position",
                "Next offset to read of the partition, after the events handled (-1: none yet)", tags, "partition",
                ingestion::assignedPartitions, ingestion::position);
        KeyedGauges lags = new KeyedGauges(registry, "tributary.ingestion.partition.lag",
                "Events the partition's end is ahead of the consumer", tags, "partition",
                ingestion::assignedPartitions, ingestion::lag);
        metrics.beforeScrape(positions::refresh);
        metrics.beforeScrape(lags::refresh);
        if (node.plumber() instanceof RealtimePlumber plumber) {
            bindPlumber(registry, tags, plumber);
            bindPersists(registry, tags, plumber.metrics());
            bindHandoffs(registry, tags, plumber);
        }
    }

    private static void bindIngestion(MeterRegistry registry, Tags tags, RealtimeNode node) {
        IngestionMetrics m = node.metrics();
        counter(registry, tags, "tributary.ingestion.events.consumed", "Events read from the firehose", m, IngestionMetrics::consumed);
        counter(registry, tags, "tributary.ingestion.events.processed", "Events added to the index", m, IngestionMetrics::processed);
        counter(registry, tags, "tributary.ingestion.events.unparseable", "Events that could not be parsed", m,
                IngestionMetrics::unparseable);
        counter(registry, tags, "tributary.ingestion.events.thrown.away",
                "Events dropped: filtered out, outside the window or the granularitySpec intervals", m, IngestionMetrics::thrownAway);
        counter(registry, tags, "tributary.ingestion.rewinds", "Times uncommitted rows were dropped and read again", m,
                IngestionMetrics::rewinds);
        gauge(registry, tags, "tributary.ingestion.partitions", "Partitions the node reads now", m,
                x -> x.assignedPartitions().size());
        gauge(registry, tags, "tributary.ingestion.running", "1 while the ingestion thread runs, 0 once it failed or stopped",
                node, n -> n.state() == RealtimeNode.State.RUNNING ? 1 : 0);
    }

    private static void bindPlumber(MeterRegistry registry, Tags tags, RealtimePlumber p) {
        gauge(registry, tags, "tributary.ingestion.rows.in.memory", "Rows in the live indexes, not yet persisted", p,
                RealtimePlumber::rowsInMemory);
        gauge(registry, tags, "tributary.ingestion.rows.in.memory.bytes", "Estimated bytes of the rows in memory", p,
                RealtimePlumber::bytesInMemory);
        gauge(registry, tags, "tributary.ingestion.sinks", "Sinks (segment intervals) held", p, RealtimePlumber::sinkCount);
        gauge(registry, tags, "tributary.ingestion.hydrants", "Hydrants (live and persisted pieces) of all sinks", p,
                RealtimePlumber::hydrantCount);
        gauge(registry, tags, "tributary.persist.pending", "Persists queued or running, their commits included", p,
                RealtimePlumber::pendingPersists);
        gauge(registry, tags, "tributary.handoff.pending", "Handoffs under way", p, RealtimePlumber::pendingHandoffs);
        gauge(registry, tags, "tributary.handoff.stuck", "Handoffs under way past handoffConditionTimeout", p,
                RealtimePlumber::stuckHandoffs);
    }

    private static void bindPersists(MeterRegistry registry, Tags tags, PersistMetrics m) {
        FunctionTimer.builder("tributary.persist", m, PersistMetrics::persists, PersistMetrics::persistMillis, TimeUnit.MILLISECONDS)
                .description("Persists of hydrants to disk (count) and the time they took").tags(tags).register(registry);
        FunctionTimer.builder("tributary.persist.backpressure", m, PersistMetrics::backPressureWaits,
                        PersistMetrics::backPressureMillis, TimeUnit.MILLISECONDS)
                .description("Times ingestion waited for a persist slot, and how long").tags(tags).register(registry);
        counter(registry, tags, "tributary.persist.rows", "Rows written by persists", m, PersistMetrics::rowsPersisted);
        counter(registry, tags, "tributary.persist.failed", "Failed persists (ingestion stops)", m, PersistMetrics::failedPersists);
        counter(registry, tags, "tributary.commits", "Offset commits after persist", m, PersistMetrics::commits);
        counter(registry, tags, "tributary.commits.fenced", "Commits the offset ledger refused", m, PersistMetrics::fencedCommits);
        counter(registry, tags, "tributary.commit.retries", "Commits tried again after an unknown outcome", m,
                PersistMetrics::commitRetries);
        counter(registry, tags, "tributary.allocation.retries", "Segment allocations tried again", m,
                PersistMetrics::allocationRetries);
        counter(registry, tags, "tributary.sinks.flushed", "Sinks the flushing plumber dropped", m, PersistMetrics::flushedSinks);
    }

    private static void bindHandoffs(MeterRegistry registry, Tags tags, RealtimePlumber p) {
        PersistMetrics m = p.metrics();
        counter(registry, tags, "tributary.handoff.started", "Handoffs started", m, PersistMetrics::handoffsStarted);
        counter(registry, tags, "tributary.handoff.segments.pushed", "Segments pushed to deep storage", m,
                PersistMetrics::segmentsPushed);
        counter(registry, tags, "tributary.handoff.segments.published", "Segments published to the metadata store", m,
                PersistMetrics::segmentsPublished);
        counter(registry, tags, "tributary.handoff.segments.handed.off", "Segments a historical serves, dropped here", m,
                PersistMetrics::handedOffSegments);
        counter(registry, tags, "tributary.handoff.failures", "Handoff steps that failed and were retried", m,
                PersistMetrics::handoffFailures);
        counter(registry, tags, "tributary.handoff.timeouts", "Handoffs that passed handoffConditionTimeout", m,
                PersistMetrics::handoffsStuck);
    }
}
