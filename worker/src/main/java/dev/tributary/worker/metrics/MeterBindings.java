package dev.tributary.worker.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToDoubleFunction;

/**
 * Meters that read a node's own counters when scraped. The registry holds {@code source} weakly, so it
 * must be an object the node keeps (its metrics, plumber or itself), never a lambda made here.
 */
final class MeterBindings {
    private MeterBindings() {
    }

    /** A counter: {@code value} only ever grows. */
    static <T> void counter(MeterRegistry registry, Tags tags, String name, String description, T source,
            ToDoubleFunction<T> value) {
        FunctionCounter.builder(name, source, value).description(description).tags(tags).register(registry);
    }

    static <T> void gauge(MeterRegistry registry, Tags tags, String name, String description, T source,
            ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).tags(tags).register(registry);
    }
}
