package dev.tributary.worker.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.ZooKeeperExtension;
import dev.tributary.worker.config.ConfigKey;
import dev.tributary.worker.config.InvalidConfigException;
import dev.tributary.worker.config.NodeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** runtime.properties to a ZooKeeper config: defaults, refusals that name the key, and a working client. */
class ZooKeeperConfigTest {

    @RegisterExtension
    static final ZooKeeperExtension ZOOKEEPER = new ZooKeeperExtension();

    private static Properties props(String... keysAndValues) {
        Properties props = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return props;
    }

    @Test
    void shouldDefaultEverythingButTheConnectString() {
        ZooKeeperConfig config = ZooKeeperConfig.from(props("tributary.zk.service.host", "zk1:2181,zk2:2181"));

        assertThat(config).isEqualTo(new ZooKeeperConfig("zk1:2181,zk2:2181", "/tributary", 30_000, 15_000));
    }

    @Test
    void shouldReadEveryKey() {
        ZooKeeperConfig config = ZooKeeperConfig.from(props("tributary.zk.service.host", "zk:2181",
                "tributary.zk.paths.base", "/druid/tributary", "tributary.zk.service.sessionTimeoutMs", "60000",
                "tributary.zk.service.connectionTimeoutMs", "5000"));

        assertThat(config).isEqualTo(new ZooKeeperConfig("zk:2181", "/druid/tributary", 60_000, 5_000));
    }

    @Test
    void shouldRequireTheConnectStringAndNameItsKey() {
        assertThatThrownBy(() -> ZooKeeperConfig.from(new Properties())).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("'tributary.zk.service.host' is required");
    }

    @Test
    void shouldRefuseAnUnknownZooKeeperKey() {
        Properties props = props("tributary.zk.service.host", "zk:2181", "tributary.zk.service.sessionTimeout", "1");

        assertThatThrownBy(() -> ZooKeeperConfig.from(props)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("'tributary.zk.service.sessionTimeout' is not a known key");
    }

    @Test
    void shouldRefuseABasePathZooKeeperCannotHold() {
        for (String bad : new String[] {"tributary", "/tributary/", "/a//b", "/a/../b"}) {
            Properties props = props("tributary.zk.service.host", "zk:2181", "tributary.zk.paths.base", bad);

            assertThatThrownBy(() -> ZooKeeperConfig.from(props)).as(bad).isInstanceOf(InvalidConfigException.class)
                    .hasMessageContaining("'tributary.zk.paths.base' '" + bad + "' must be an absolute ZooKeeper path");
        }
    }

    @Test
    void shouldRefuseATimeoutThatIsNotPositive() {
        Properties props = props("tributary.zk.service.host", "zk:2181", "tributary.zk.service.sessionTimeoutMs", "0");

        assertThatThrownBy(() -> ZooKeeperConfig.from(props)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("'tributary.zk.service.sessionTimeoutMs' must be positive");
    }

    @Test
    void shouldLeaveTheZooKeeperKeysToThisConfigWhenTheNodeConfigReadsTheSameFile() {
        Properties props = props("tributary.http.port", "9000", "tributary.zk.service.host", "zk:2181");

        assertThat(NodeConfig.from(props).port()).isEqualTo(9000);
        assertThat(ZooKeeperConfig.from(props).connectString()).isEqualTo("zk:2181");
    }

    @Test
    void shouldDocumentEveryKeyInTheConfigurationReference() throws IOException {
        // Surefire runs in the module directory; the docs live beside it.
        String docs = Files.readString(Path.of("..", "docs", "configuration.md"));

        for (ConfigKey<?> key : ZooKeeperConfig.KEYS) {
            assertThat(docs).as("docs/configuration.md documents %s", key.name()).contains("| `" + key.name() + "` |");
        }
    }

    @Test
    void shouldBuildAStartedClientThatReachesZooKeeper() throws Exception {
        ZooKeeperConfig config = new ZooKeeperConfig(ZOOKEEPER.connectString(), "/tributary", 10_000, 5_000);

        try (CuratorFramework client = config.newClient()) {
            assertThat(client.blockUntilConnected(30, TimeUnit.SECONDS)).as("connected").isTrue();
            assertThat(client.checkExists().forPath("/")).isNotNull();
        }
    }
}
