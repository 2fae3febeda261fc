package dev.tributary.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.worker.metadata.MetadataStoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** One runtime.properties file feeds every component's config, and docs/configuration.md lists every key. */
class RuntimePropertiesTest {

    @Test
    void shouldLetTheNodeConfigReadAFileThatAlsoConfiguresTheMetadataStore() {
        Properties props = new Properties();
        props.setProperty("tributary.http.port", "9000");
        props.setProperty(MetadataStoreConfig.TYPE.name(), "postgresql");
        props.setProperty(MetadataStoreConfig.CONNECT_URI.name(), "jdbc:postgresql://db:5432/druid");

        assertThat(NodeConfig.from(props).port()).isEqualTo(9000);
        assertThat(MetadataStoreConfig.from(props).type()).isEqualTo(MetadataStoreConfig.StorageType.POSTGRESQL);
    }

    @Test
    void shouldStillRefuseAMisspelledNodeKey() {
        Properties props = new Properties();
        props.setProperty("tributary.http.prot", "9000");

        assertThatThrownBy(() -> NodeConfig.from(props)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("'tributary.http.prot' is not a known key");
    }

    @Test
    void shouldDocumentEveryKeyInTheConfigurationReference() throws IOException {
        // Surefire runs in the module directory; the docs live beside it.
        String docs = Files.readString(Path.of("..", "docs", "configuration.md"));
        List<ConfigKey<?>> keys = new ArrayList<>(NodeConfig.KEYS);
        keys.addAll(MetadataStoreConfig.KEYS);
        keys.addAll(DeepStorageConfig.KEYS);
        keys.addAll(dev.tributary.worker.historical.HistoricalConfig.KEYS);

        for (ConfigKey<?> key : keys) {
            assertThat(docs).as("docs/configuration.md documents %s", key.name()).contains("| `" + key.name() + "` |");
        }
    }
}
