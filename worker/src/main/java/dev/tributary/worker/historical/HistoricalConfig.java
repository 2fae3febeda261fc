package dev.tributary.worker.historical;

import dev.tributary.worker.config.ConfigKey;
import dev.tributary.worker.config.RuntimeProperties;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * A historical node's runtime.properties: its segment cache and how segments are spread over the
 * historicals (no coordinator: each historical computes its share by rendezvous hashing).
 *
 * @param cacheDirectory where pulled segments are kept; a restart reuses what is there
 * @param maxCacheBytes the most segment bytes the cache holds; past it, further segments are not loaded
 *                      (and shown as such in {@code /status})
 * @param replicationFactor how many historicals hold each segment
 * @param pollPeriodMillis how often the metadata store is read for used segments
 */
public record HistoricalConfig(Path cacheDirectory, long maxCacheBytes, int replicationFactor, long pollPeriodMillis) {
    public static final ConfigKey<Path> CACHE_DIRECTORY = ConfigKey.path("tributary.segmentCache.location",
            Path.of("var/tributary/segment-cache"), "Where a historical keeps the segments it pulled from deep storage.");
    public static final ConfigKey<Long> MAX_CACHE_BYTES = ConfigKey.positiveLong("tributary.segmentCache.maxSizeBytes",
            10L * 1024 * 1024 * 1024, "The most segment bytes a historical's cache holds; further segments are not loaded.");
    public static final ConfigKey<Long> REPLICATION_FACTOR = ConfigKey.positiveLong("tributary.historical.replicationFactor",
            1L, "How many historicals hold each segment (rendezvous hashing over the live historicals).");
    public static final ConfigKey<Long> POLL_PERIOD_MILLIS = ConfigKey.positiveLong("tributary.historical.pollPeriodMillis",
            2_000L, "How often a historical reads the used segments from the metadata store, in milliseconds.");

    public static final List<ConfigKey<?>> KEYS = List.of(CACHE_DIRECTORY, MAX_CACHE_BYTES, REPLICATION_FACTOR, POLL_PERIOD_MILLIS);

    public HistoricalConfig {
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        MAX_CACHE_BYTES.check(maxCacheBytes);
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(REPLICATION_FACTOR.name() + " must be at least 1");
        }
        POLL_PERIOD_MILLIS.check(pollPeriodMillis);
    }

    public static HistoricalConfig defaults() {
        return from(new Properties());
    }

    public static HistoricalConfig from(Path file) {
        return from(RuntimeProperties.load(file));
    }

    public static HistoricalConfig from(Properties props) {
        RuntimeProperties.requireKnownKeys(props, "tributary.segmentCache.", KEYS, List.of());
        RuntimeProperties.requireKnownKeys(props, "tributary.historical.", KEYS, List.of());
        long replicas = REPLICATION_FACTOR.read(props);
        return new HistoricalConfig(CACHE_DIRECTORY.read(props),
                MAX_CACHE_BYTES.read(props),
                (int) Math.min(Integer.MAX_VALUE, replicas),
                POLL_PERIOD_MILLIS.read(props));
    }

    public HistoricalConfig withCacheDirectory(Path directory) {
        return new HistoricalConfig(directory, maxCacheBytes, replicationFactor, pollPeriodMillis);
    }
}
