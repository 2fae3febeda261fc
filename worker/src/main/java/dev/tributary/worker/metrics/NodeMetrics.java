package dev.tributary.worker.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One node's meters, scraped by {@code GET /metrics} in Prometheus text format. The server assembly
 * creates one per node and binds the node's meters to it; the JVM's standard meters ({@code jvm_*},
 * {@code process_*}, {@code system_*}) come with it.
 *
 * <p>Tributary's meters read the node's own counters when scraped (function counters and gauges over
 * them), so {@code /status/ingestion} and {@code /metrics} always agree and nothing is counted twice.
 * Meters whose set changes while the node runs (one per partition, one per dataSource) are brought up
 * to date by the refreshers registered here, just before each scrape.
 *
 * <p>Thread-safe: scraped from request threads, bound from the assembling thread.
 */
public final class NodeMetrics implements AutoCloseable {
    /** The content type of the Prometheus text exposition format that {@link #scrape} writes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final List<Runnable> refreshers = new CopyOnWriteArrayList<>();

    public NodeMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Runs {@code refresher} before every scrape, on the scraping thread (it must be thread-safe). */
    public void beforeScrape(Runnable refresher) {
        refreshers.add(refresher);
    }

    /** Every meter in Prometheus text format. */
    public String scrape() {
        refreshers.forEach(Runnable::run);
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
