package dev.tributary.worker.historical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.worker.config.InvalidConfigException;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** runtime.properties to a historical's config: defaults, every key read, refusals that name the key. */
class HistoricalConfigTest {

    private static Properties props(String... keysAndValues) {
        Properties props = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return props;
    }

    @Test
    void shouldDefaultToOneReplicaAndATenGigabyteCache() {
        HistoricalConfig config = HistoricalConfig.defaults();

        assertThat(config.cacheDirectory()).isEqualTo(Path.of("var/tributary/segment-cache"));
        assertThat(config.maxCacheBytes()).isEqualTo(10L * 1024 * 1024 * 1024);
        assertThat(config.replicationFactor()).isEqualTo(1);
        assertThat(config.pollPeriodMillis()).isEqualTo(2_000L);
    }

    @Test
    void shouldReadEveryKey() {
        HistoricalConfig config = HistoricalConfig.from(props(
                "tributary.segmentCache.location", "/data/cache",
                "tributary.segmentCache.maxSizeBytes", "1000",
                "tributary.historical.replicationFactor", "3",
                "tributary.historical.pollPeriodMillis", "500",
                "tributary.zk.service.host", "zk:2181"));

        assertThat(config).isEqualTo(new HistoricalConfig(Path.of("/data/cache"), 1000, 3, 500));
        assertThat(config.withCacheDirectory(Path.of("/other"))).isEqualTo(new HistoricalConfig(Path.of("/other"), 1000, 3, 500));
    }

    @Test
    void shouldRefuseAMisspelledKeyNamingIt() {
        assertThatThrownBy(() -> HistoricalConfig.from(props("tributary.segmentCache.maxSize", "1000")))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("tributary.segmentCache.maxSize");
        assertThatThrownBy(() -> HistoricalConfig.from(props("tributary.historical.replicas", "2")))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("tributary.historical.replicas");
    }

    @Test
    void shouldRefuseNoReplicasAndAnEmptyCache() {
        assertThatThrownBy(() -> HistoricalConfig.from(props("tributary.historical.replicationFactor", "0")))
                .hasMessageContaining("tributary.historical.replicationFactor");
        assertThatThrownBy(() -> HistoricalConfig.from(props("tributary.segmentCache.maxSizeBytes", "0")))
                .hasMessageContaining("tributary.segmentCache.maxSizeBytes");
        assertThatThrownBy(() -> new HistoricalConfig(Path.of("c"), 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tributary.historical.replicationFactor");
    }

    @Test
    void shouldValidateAConfigBuiltInCodeLikeOneRead() {
        assertThatThrownBy(() -> new HistoricalConfig(Path.of("c"), 0, 1, 1))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("tributary.segmentCache.maxSizeBytes");
        assertThatThrownBy(() -> new HistoricalConfig(Path.of("c"), 1, 1, 0))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("tributary.historical.pollPeriodMillis");
        assertThatThrownBy(() -> new HistoricalConfig(null, 1, 1, 1)).isInstanceOf(NullPointerException.class);
    }
}
