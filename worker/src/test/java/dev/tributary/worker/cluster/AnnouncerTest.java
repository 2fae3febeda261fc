package dev.tributary.worker.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tributary.core.time.Interval;
import dev.tributary.testing.ZooKeeperExtension;
import dev.tributary.worker.metadata.DataSegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.KillSession;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An announcer's server and segments, seen through a {@link ClusterView} on another ZooKeeper client:
 * announcing, withdrawing, and coming back after the connection or the session is lost.
 */
class AnnouncerTest {

    @RegisterExtension
    static final ZooKeeperExtension ZOOKEEPER = new ZooKeeperExtension();

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ServerInfo REALTIME = new ServerInfo("rt1.example.com", 8084, ServerInfo.REALTIME);
    private static final ServerInfo HISTORICAL = new ServerInfo("hist1.example.com", 8083, ServerInfo.HISTORICAL);

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private String base;
    private ClusterView view;

    @BeforeEach
    void watchAFreshBasePath() {
        base = "/announcer-test-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        view = closing(new ClusterView(client(), base));
        view.start();
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    /** A client of its own, with a short session so that expiry tests do not wait long. */
    private CuratorFramework client() {
        return closing(new ZooKeeperConfig(ZOOKEEPER.connectString(), base, 5_000, 5_000).newClient());
    }

    private Announcer startedAnnouncer(CuratorFramework client, ServerInfo self) {
        Announcer announcer = closing(new Announcer(client, base, self));
        announcer.start();
        return announcer;
    }

    private static DataSegment segment(String dataSource, int partitionNum) {
        return new DataSegment(dataSource, Interval.parse("2024-01-01T00:00:00Z/2024-01-02T00:00:00Z"),
                "2024-01-01T10:00:00.000Z", Map.of("type", "local", "path", "/deep/" + dataSource + "/" + partitionNum),
                List.of("page", "user"), List.of("count", "added"), partitionNum, 1234L + partitionNum);
    }

    @Test
    void shouldShowTheAnnouncedServersAndTheirFullSegmentsToAnotherClient() {
        DataSegment first = segment("wiki", 0);
        DataSegment second = segment("wiki", 1);
        DataSegment other = segment("clicks", 3);
        Announcer realtime = startedAnnouncer(client(), REALTIME);
        realtime.announce(first);
        realtime.announce(second);
        startedAnnouncer(client(), HISTORICAL).announce(other);

        await().atMost(WAIT).untilAsserted(() -> assertThat(view.segmentsByServer()).containsExactly(
                Map.entry(HISTORICAL, List.of(other)), Map.entry(REALTIME, List.of(first, second))));
        assertThat(view.servers()).containsExactly(HISTORICAL, REALTIME);
        assertThat(view.servers(ServerInfo.REALTIME)).containsExactly(REALTIME);
        assertThat(view.servers(ServerInfo.HISTORICAL)).containsExactly(HISTORICAL);
        assertThat(view.serversOf(first.id())).containsExactly(REALTIME);
        assertThat(view.isServedBy(first.id(), ServerInfo.REALTIME)).isTrue();
        assertThat(view.isServedBy(first.id(), ServerInfo.HISTORICAL)).isFalse();
        assertThat(view.isServedBy(other.id(), ServerInfo.HISTORICAL)).isTrue();
        assertThat(realtime.announced()).containsExactlyInAnyOrder(first.id(), second.id());
    }

    @Test
    void shouldWriteTheDocumentedLayout() throws Exception {
        CuratorFramework client = client();
        DataSegment segment = segment("wiki", 2);
        startedAnnouncer(client, REALTIME).announce(segment);

        String serverPath = base + "/announcements/rt1.example.com:8084";
        String segmentPath = base + "/segments/rt1.example.com:8084/" + segment.id();
        await().atMost(WAIT).until(() -> client.checkExists().forPath(segmentPath) != null
                && client.checkExists().forPath(serverPath) != null);
        assertThat(new String(client.getData().forPath(serverPath), UTF_8))
                .isEqualTo("{\"host\":\"rt1.example.com\",\"port\":8084,\"role\":\"realtime\"}");
        assertThat(new String(client.getData().forPath(segmentPath), UTF_8))
                .contains("\"dataSource\":\"wiki\"", "\"identifier\":\"" + segment.id() + "\"");
        Stat stat = client.checkExists().forPath(segmentPath);
        assertThat(stat.getEphemeralOwner()).isEqualTo(sessionId(client));
    }

    @Test
    void shouldRemoveAnUnannouncedSegmentAndIgnoreRepeats() {
        DataSegment kept = segment("wiki", 0);
        DataSegment dropped = segment("wiki", 1);
        Announcer announcer = startedAnnouncer(client(), REALTIME);
        announcer.announce(kept);
        announcer.announce(dropped);
        announcer.announce(dropped);
        await().atMost(WAIT).until(() -> view.serversOf(dropped.id()).equals(List.of(REALTIME)));

        announcer.unannounce(dropped.id());
        announcer.unannounce(dropped.id());
        announcer.unannounce("never-announced");

        assertThat(announcer.announced()).containsExactly(kept.id());
        await().atMost(WAIT).untilAsserted(() -> assertThat(view.segmentsByServer())
                .containsExactly(Map.entry(REALTIME, List.of(kept))));
    }

    @Test
    void shouldWithdrawEverythingOnClose() {
        Announcer announcer = startedAnnouncer(client(), REALTIME);
        announcer.announce(segment("wiki", 0));
        await().atMost(WAIT).until(() -> view.isServedBy(segment("wiki", 0).id(), ServerInfo.REALTIME));

        announcer.close();
        announcer.close();

        await().atMost(WAIT).until(() -> view.servers().isEmpty() && view.segmentsByServer().isEmpty());
        assertThat(announcer.announced()).isEmpty();
        assertThatThrownBy(() -> announcer.announce(segment("wiki", 1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void shouldRefuseToAnnounceSegmentsBeforeTheServer() {
        Announcer announcer = closing(new Announcer(client(), base, REALTIME));

        assertThatThrownBy(() -> announcer.announce(segment("wiki", 0))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not started");
    }

    @Test
    void shouldDropTheServerAndItsSegmentsWhenItsSessionEnds() throws Exception {
        CuratorFramework announcerClient = client();
        Announcer announcer = startedAnnouncer(announcerClient, REALTIME);
        announcer.announce(segment("wiki", 0));
        startedAnnouncer(client(), HISTORICAL).announce(segment("wiki", 1));
        await().atMost(WAIT).until(() -> view.servers().size() == 2);

        announcerClient.close();

        await().atMost(WAIT).untilAsserted(() -> assertThat(view.segmentsByServer())
                .containsExactly(Map.entry(HISTORICAL, List.of(segment("wiki", 1)))));
        assertThat(view.serversOf(segment("wiki", 0).id())).isEmpty();
        assertThat(announcer.announced()).as("the announcer stopped with its client").isEmpty();
    }

    @Test
    void shouldShowEverythingAgainAfterZooKeeperRestarts() {
        Announcer announcer = startedAnnouncer(client(), REALTIME);
        announcer.announce(segment("wiki", 0));
        announcer.announce(segment("wiki", 1));
        await().atMost(WAIT).until(() -> view.segmentsByServer().getOrDefault(REALTIME, List.of()).size() == 2);

        ZOOKEEPER.restart();
        announcer.announce(segment("wiki", 2));

        await().atMost(WAIT).untilAsserted(() -> assertThat(view.segmentsByServer()).containsExactly(
                Map.entry(REALTIME, List.of(segment("wiki", 0), segment("wiki", 1), segment("wiki", 2)))));
    }

    @Test
    void shouldReannounceEverythingWhenZooKeeperExpiresTheSession() throws Exception {
        CuratorFramework client = client();
        Announcer announcer = startedAnnouncer(client, REALTIME);
        announcer.announce(segment("wiki", 0));
        announcer.announce(segment("wiki", 1));
        String serverPath = base + "/announcements/" + REALTIME.name();
        await().atMost(WAIT).until(() -> view.segmentsByServer().getOrDefault(REALTIME, List.of()).size() == 2);
        List<String> changes = new CopyOnWriteArrayList<>();
        view.addListener(() -> changes.add(view.servers().isEmpty() ? "gone" : "live"));
        long oldSession = sessionId(client);

        expireOnTheServer(client);

        // The server's ephemeral nodes went with the old session, and came back under the new one.
        await().atMost(WAIT).until(() -> changes.contains("gone"));
        await().atMost(WAIT).until(() -> sessionId(client) != oldSession
                && ownerOf(client, serverPath) == sessionId(client)
                && view.segmentsByServer().getOrDefault(REALTIME, List.of()).size() == 2);
        assertThat(view.segmentsByServer()).containsExactly(
                Map.entry(REALTIME, List.of(segment("wiki", 0), segment("wiki", 1))));
    }

    @Test
    void shouldReannounceEverythingWhenTheClientSeesItsSessionExpire() throws Exception {
        CuratorFramework client = client();
        Announcer announcer = startedAnnouncer(client, REALTIME);
        DataSegment segment = segment("wiki", 0);
        announcer.announce(segment);
        String segmentPath = base + "/segments/" + REALTIME.name() + "/" + segment.id();
        await().atMost(WAIT).until(() -> view.isServedBy(segment.id(), ServerInfo.REALTIME));
        long oldSession = sessionId(client);

        // Only the client drops the session; ZooKeeper removes the old nodes when the session times out.
        KillSession.kill(client.getZookeeperClient().getZooKeeper());

        await().atMost(WAIT).until(() -> sessionId(client) != oldSession
                && ownerOf(client, segmentPath) == sessionId(client)
                && ownerOf(client, base + "/announcements/" + REALTIME.name()) == sessionId(client));
        await().atMost(WAIT).until(() -> view.isServedBy(segment.id(), ServerInfo.REALTIME));
    }

    @Test
    void shouldCallListenersAfterEachChange() {
        List<List<ServerInfo>> seen = new CopyOnWriteArrayList<>();
        view.addListener(() -> seen.add(view.servers()));
        view.addListener(() -> {
            throw new IllegalStateException("a failing listener does not stop the others");
        });

        Announcer announcer = startedAnnouncer(client(), REALTIME);
        await().atMost(WAIT).until(() -> seen.contains(List.of(REALTIME)));
        announcer.close();

        await().atMost(WAIT).until(() -> !seen.isEmpty() && seen.get(seen.size() - 1).isEmpty());
    }

    private static long sessionId(CuratorFramework client) throws Exception {
        return client.getZookeeperClient().getZooKeeper().getSessionId();
    }

    private static long ownerOf(CuratorFramework client, String path) throws Exception {
        Stat stat = client.checkExists().forPath(path);
        return stat == null ? -1 : stat.getEphemeralOwner();
    }

    /**
     * Ends the client's session on the ZooKeeper server, as a session timeout would: a second
     * connection joins the session with its id and password, then closes it.
     */
    private static void expireOnTheServer(CuratorFramework client) throws Exception {
        ZooKeeper zooKeeper = client.getZookeeperClient().getZooKeeper();
        ZooKeeper twin = new ZooKeeper(ZOOKEEPER.connectString(), 5_000, event -> { },
                zooKeeper.getSessionId(), zooKeeper.getSessionPasswd());
        try {
            await().atMost(WAIT).until(() -> twin.getState().isConnected());
        } finally {
            twin.close();
        }
    }
}
