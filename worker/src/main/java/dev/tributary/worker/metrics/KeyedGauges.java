package dev.tributary.worker.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * A family of gauges with one series per key (a partition, a dataSource) whose keys come and go while
 * the node runs: {@link #refresh} adds a gauge for each new key and removes those of keys that are
 * gone, so a partition moved to another worker stops being reported here. Thread-safe.
 */
final class KeyedGauges {
    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final Tags tags;
    private final String keyTag;
    private final Supplier<Set<String>> keys;
    private final ToDoubleFunction<String> value;
    private final Map<String, Gauge> gauges = new HashMap<>();

    /**
     * @param keys  the keys to report now
     * @param value a key's value when scraped (NaN once the key is gone)
     */
    KeyedGauges(MeterRegistry registry, String name, String description, Tags tags, String keyTag,
            Supplier<Set<String>> keys, ToDoubleFunction<String> value) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.tags = tags;
        this.keyTag = keyTag;
        this.keys = keys;
        this.value = value;
    }

    synchronized void refresh() {
        Set<String> now = keys.get();
        gauges.entrySet().removeIf(entry -> {
            if (now.contains(entry.getKey())) {
                return false;
            }
            registry.remove(entry.getValue());
            return true;
        });
        for (String key : now) {
            gauges.computeIfAbsent(key, register());
        }
    }

    private Function<String, Gauge> register() {
        // A strong reference: the key string is held by nothing else, and a collected one would read NaN.
        return key -> Gauge.builder(name, key, value).description(description).tags(tags).tag(keyTag, key)
                .strongReference(true).register(registry);
    }
}
