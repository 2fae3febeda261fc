package dev.tributary.worker.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.worker.config.InvalidConfigException;
import dev.tributary.worker.metadata.MetadataStoreConfig.StorageType;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** runtime.properties to a metadata store config: defaults, refusals that name the key, and no password shown. */
class MetadataStoreConfigTest {

    private static Properties props(String... keysAndValues) {
        Properties props = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return props;
    }

    @Test
    void shouldDefaultToASharedEmbeddedFileDatabaseUnderTheTemporaryDirectory() {
        MetadataStoreConfig config = MetadataStoreConfig.defaults();

        Path expected = Path.of(System.getProperty("java.io.tmpdir"), "tributary-metadata", "metadata")
                .toAbsolutePath().normalize();
        assertThat(config.type()).isEqualTo(StorageType.EMBEDDED);
        assertThat(config.connectUri()).isEqualTo("jdbc:h2:file:" + expected + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
        assertThat(config.tablesBase()).isEqualTo("tributary");
        assertThat(config.offsetsTable()).isEqualTo("tributary_offsets");
        assertThat(config.commitsTable()).isEqualTo("tributary_commits");
        assertThat(config.segmentsTable()).isEqualTo("tributary_segments");
        assertThat(config.pendingSegmentsTable()).isEqualTo("tributary_pending_segments");
        assertThat(config.user()).isNull();
        assertThat(config.password()).isNull();
    }

    @Test
    void shouldReadAPostgresqlStore() {
        MetadataStoreConfig config = MetadataStoreConfig.from(props(
                "tributary.metadata.storage.type", "postgresql",
                "tributary.metadata.storage.connector.connectURI", "jdbc:postgresql://db:5432/druid",
                "tributary.metadata.storage.connector.user", "druid",
                "tributary.metadata.storage.connector.password", "pw",
                "tributary.metadata.storage.tables.base", "druid"));

        assertThat(config).isEqualTo(new MetadataStoreConfig(StorageType.POSTGRESQL, "jdbc:postgresql://db:5432/druid",
                "druid", "pw", "druid"));
        assertThat(config.offsetsTable()).isEqualTo("druid_offsets");
    }

    @Test
    void shouldNameTheKeyOfEveryRefusedValue() {
        assertRefused(props("tributary.metadata.storage.type", "mysql"),
                "'tributary.metadata.storage.type' 'mysql' must be one of [embedded, postgresql]");
        assertRefused(props("tributary.metadata.storage.type", "postgresql"),
                "'tributary.metadata.storage.connector.connectURI' is required when "
                        + "tributary.metadata.storage.type is postgresql");
        assertRefused(props("tributary.metadata.storage.type", "postgresql",
                "tributary.metadata.storage.connector.connectURI", "jdbc:h2:mem:x"),
                "'tributary.metadata.storage.connector.connectURI' 'jdbc:h2:mem:x' must start with jdbc:postgresql:");
        assertRefused(props("tributary.metadata.storage.tables.base", "tributary; DROP TABLE x"),
                "'tributary.metadata.storage.tables.base' 'tributary; DROP TABLE x' must be a plain SQL name");
        assertRefused(props("tributary.metadata.storage.tables.base", "t".repeat(47)),
                "'tributary.metadata.storage.tables.base'");
        assertRefused(props("tributary.metadata.storage.tables.base", "9lives"),
                "'tributary.metadata.storage.tables.base'");
        assertRefused(props("tributary.metadata.storage.tpye", "embedded"),
                "'tributary.metadata.storage.tpye' is not a known key");
        assertRefused(props("tributary.metadata.storage.type", "postgresql",
                "tributary.metadata.storage.connector.connectURI", "jdbc:postgresql://db/druid",
                "tributary.metadata.storage.embedded.directory", "/var/lib/tributary"),
                "'tributary.metadata.storage.embedded.directory' is only used by the embedded store");
        assertRefused(props("tributary.metadata.storage.embedded.directory", "/tmp/a;b"),
                "'tributary.metadata.storage.embedded.directory' '/tmp/a;b' must not contain ';'");
        assertRefused(props("tributary.metadata.storage.connector.user", "  "),
                "'tributary.metadata.storage.connector.user' must not be blank");

        // A config built in code gets the same checks.
        assertThatThrownBy(() -> new MetadataStoreConfig(StorageType.EMBEDDED, "jdbc:h2:mem:x", null, null, "a-b"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("'tributary.metadata.storage.tables.base'");
        assertThatThrownBy(() -> new MetadataStoreConfig(StorageType.POSTGRESQL, null, null, null, "ok"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("connectURI' is required");

        // The longest base still fits PostgreSQL's 63-character names in every table name.
        MetadataStoreConfig longest = MetadataStoreConfig.from(props("tributary.metadata.storage.tables.base",
                "_T".repeat(22) + "xy"));
        assertThat(longest.tablesBase()).hasSize(46);
        assertThat(longest.pendingSegmentsTable()).hasSize(63);
    }

    private static void assertRefused(Properties props, String message) {
        assertThatThrownBy(() -> MetadataStoreConfig.from(props)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void shouldNeverShowThePassword() {
        String secret = "Hunter2-S3cret";
        MetadataStoreConfig config = MetadataStoreConfig.from(props(
                "tributary.metadata.storage.type", "postgresql",
                "tributary.metadata.storage.connector.connectURI",
                "jdbc:postgresql://db/druid?ssl=true&password=" + secret + "&user=druid",
                "tributary.metadata.storage.connector.password", secret));

        assertThat(config.toString()).doesNotContain(secret).contains("password=****");
        assertThat(config.redactedUri()).isEqualTo("jdbc:postgresql://db/druid?ssl=true&password=****&user=druid");
        assertThat(config.redact("driver said: " + secret)).isEqualTo("driver said: ****");
        assertThatThrownBy(() -> new MetadataStoreConfig(StorageType.EMBEDDED,
                "jdbc:postgresql://db/druid?password=" + secret, "druid", secret, "tributary"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("connectURI").hasMessageNotContaining(secret);
    }
}
