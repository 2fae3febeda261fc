package dev.tributary.worker.metrics;

import static dev.tributary.worker.metrics.MeterBindings.counter;
import static dev.tributary.worker.metrics.MeterBindings.gauge;

import dev.tributary.worker.historical.HistoricalNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * A historical node's meters, over its own state: the segments it serves (one series per dataSource,
 * following what it holds at each scrape), its segment cache, the segments it could not load, and its
 * syncs with the metadata store.
 */
public final class HistoricalMeters {
    private HistoricalMeters() {
    }

    public static void bind(NodeMetrics metrics, HistoricalNode node) {
        MeterRegistry registry = metrics.registry();
        KeyedGauges segments = new KeyedGauges(registry, "tributary.historical.segments", "Segments served", Tags.empty(),
                "dataSource", () -> node.segmentsByDataSource().keySet(),
                dataSource -> node.segmentsByDataSource().getOrDefault(dataSource, 0));
        metrics.beforeScrape(segments::refresh);
        gauge(registry, Tags.empty(), "tributary.historical.cache.bytes", "Bytes of segments in the segment cache", node,
                HistoricalNode::cacheBytes);
        gauge(registry, Tags.empty(), "tributary.historical.cache.max.bytes", "The segment cache's size limit", node,
                HistoricalNode::cacheMaxBytes);
        gauge(registry, Tags.empty(), "tributary.historical.segments.failed", "Segments of its share it could not load", node,
                HistoricalNode::failedSegments);
        counter(registry, Tags.empty(), "tributary.historical.syncs", "Completed syncs with the metadata store", node,
                HistoricalNode::syncs);
    }
}
