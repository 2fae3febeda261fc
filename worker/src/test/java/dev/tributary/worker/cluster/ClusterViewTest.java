package dev.tributary.worker.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tributary.core.time.Interval;
import dev.tributary.testing.ZooKeeperExtension;
import dev.tributary.worker.metadata.DataSegment;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the cluster view makes of the nodes under its base path, written here directly. */
class ClusterViewTest {

    @RegisterExtension
    static final ZooKeeperExtension ZOOKEEPER = new ZooKeeperExtension();

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ServerInfo SERVER = new ServerInfo("10.0.0.7", 8084, ServerInfo.REALTIME);
    private static final DataSegment SEGMENT = new DataSegment("wiki",
            Interval.parse("2024-01-01T00:00:00Z/2024-01-01T01:00:00Z"), "v1", Map.of(), List.of("page"),
            List.of("count"), 0, 0);

    private String base;
    private CuratorFramework client;

    @BeforeEach
    void connect() {
        base = "/cluster-view-test-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        client = new ZooKeeperConfig(ZOOKEEPER.connectString(), base, 10_000, 5_000).newClient();
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private void write(String relativePath, String data) throws Exception {
        client.create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL)
                .forPath(base + relativePath, data.getBytes(UTF_8));
    }

    private static String segmentJson() throws IOException {
        return dev.tributary.core.Json.mapper().writeValueAsString(SEGMENT);
    }

    @Test
    void shouldLoadWhatIsAlreadyThereBeforeStartReturns() throws Exception {
        write("/announcements/10.0.0.7:8084", "{\"host\":\"10.0.0.7\",\"port\":8084,\"role\":\"realtime\"}");
        write("/segments/10.0.0.7:8084/" + SEGMENT.id(), segmentJson());

        try (ClusterView view = new ClusterView(client, base)) {
            view.start();

            assertThat(view.segmentsByServer()).containsExactly(Map.entry(SERVER, List.of(SEGMENT)));
        }
    }

    @Test
    void shouldLeaveOutSegmentsOfAServerThatIsNotAnnounced() throws Exception {
        try (ClusterView view = new ClusterView(client, base)) {
            view.start();
            write("/segments/10.0.0.7:8084/" + SEGMENT.id(), segmentJson());
            write("/segments/10.0.0.8:8084/" + SEGMENT.id(), segmentJson());
            write("/announcements/10.0.0.8:8084", "{\"host\":\"10.0.0.8\",\"port\":8084,\"role\":\"historical\"}");

            ServerInfo announced = new ServerInfo("10.0.0.8", 8084, ServerInfo.HISTORICAL);
            await().atMost(WAIT).until(() -> view.servers().equals(List.of(announced)));
            assertThat(view.serversOf(SEGMENT.id())).containsExactly(announced);
            assertThat(view.isServedBy(SEGMENT.id(), ServerInfo.REALTIME)).isFalse();
            assertThat(view.segmentsByServer()).containsOnlyKeys(announced);
        }
    }

    @Test
    void shouldIgnoreNodesThatDoNotHoldWhatTheirPathSays() throws Exception {
        try (ClusterView view = new ClusterView(client, base)) {
            view.start();
            write("/announcements/10.0.0.9:8084", "not json");
            write("/announcements/10.0.0.5:8084", "{\"host\":\"10.0.0.6\",\"port\":8084,\"role\":\"realtime\"}");
            write("/announcements/10.0.0.7:8084", "{\"host\":\"10.0.0.7\",\"port\":8084,\"role\":\"realtime\"}");
            write("/segments/10.0.0.7:8084/someOtherId", segmentJson());
            write("/segments/10.0.0.7:8084/" + SEGMENT.id(), segmentJson());

            await().atMost(WAIT).until(() -> view.isServedBy(SEGMENT.id(), ServerInfo.REALTIME));
            assertThat(view.segmentsByServer()).containsExactly(Map.entry(SERVER, List.of(SEGMENT)));
            assertThat(view.serversOf("someOtherId")).isEmpty();
        }
    }

    @Test
    void shouldFailToStartWhenZooKeeperDoesNotAnswer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (CuratorFramework unreachable = new ZooKeeperConfig("127.0.0.1:" + closedPort, base, 10_000, 1_000)
                .newClient();
                ClusterView view = new ClusterView(unreachable, base, Duration.ofMillis(500))) {

            assertThatThrownBy(view::start).isInstanceOf(ZooKeeperUnavailableException.class)
                    .hasMessageContaining("127.0.0.1:" + closedPort)
                    .matches(e -> ((ZooKeeperUnavailableException) e).isRetriable(), "is retriable");
        }
    }
}
