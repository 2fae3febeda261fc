package dev.tributary.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ZooKeeperExtensionTest {

    @RegisterExtension
    static final ZooKeeperExtension ZOOKEEPER = new ZooKeeperExtension();

    private CuratorFramework curator;

    @BeforeEach
    void connect() throws InterruptedException {
        curator = CuratorFrameworkFactory.newClient(ZOOKEEPER.connectString(), new ExponentialBackoffRetry(100, 10));
        curator.start();
        assertThat(curator.blockUntilConnected(30, TimeUnit.SECONDS)).as("connected to ZooKeeper").isTrue();
    }

    @AfterEach
    void disconnect() {
        curator.close();
    }

    @Test
    void shouldCreateAndReadAZnodeOnTheSharedServer() throws Exception {
        curator.create().creatingParentsIfNeeded().forPath("/fixture-test/created", "hello".getBytes(UTF_8));

        assertThat(new String(curator.getData().forPath("/fixture-test/created"), UTF_8)).isEqualTo("hello");
    }

    @Test
    void shouldKeepPersistentZnodesAcrossARestart() throws Exception {
        curator.create().creatingParentsIfNeeded().forPath("/fixture-test/durable", "kept".getBytes(UTF_8));

        ZOOKEEPER.restart();

        // The retry policy carries the read over the reconnect.
        assertThat(new String(curator.getData().forPath("/fixture-test/durable"), UTF_8)).isEqualTo("kept");
    }

    @Nested
    class WhenAnotherTestClassRegistersTheExtension {

        @RegisterExtension
        static final ZooKeeperExtension OTHER = new ZooKeeperExtension();

        @Test
        void shouldReuseTheServerThisJvmAlreadyStarted() {
            assertThat(OTHER.connectString()).isEqualTo(ZOOKEEPER.connectString());
        }
    }
}
