package dev.tributary.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/** The embedded ZooKeeper is a real server: a client connects, writes and reads back a node. */
class EmbeddedZooKeeperTest {
    @Test
    void shouldServeAClient() throws Exception {
        try (EmbeddedZooKeeper server = EmbeddedZooKeeper.start()) {
            CountDownLatch connected = new CountDownLatch(1);
            ZooKeeper client = new ZooKeeper(server.connectString(), 10_000, event -> {
                if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    connected.countDown();
                }
            });
            try {
                assertThat(connected.await(30, TimeUnit.SECONDS)).isTrue();
                client.create("/hello", "world".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
                assertThat(new String(client.getData("/hello", false, null), StandardCharsets.UTF_8)).isEqualTo("world");
            } finally {
                client.close();
            }
        }
    }
}
