package dev.tributary.worker.handoff;

import static dev.tributary.worker.handoff.ClusterHarness.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.deepstorage.DeepStorage;
import dev.tributary.deepstorage.DeepStorageException;
import dev.tributary.deepstorage.SegmentKey;
import dev.tributary.testing.KafkaBrokerExtension;
import dev.tributary.testing.PostgresExtension;
import dev.tributary.testing.S3Extension;
import dev.tributary.testing.ZooKeeperExtension;
import dev.tributary.worker.NodeClient;
import dev.tributary.worker.cluster.ClusterView;
import dev.tributary.worker.cluster.ServerInfo;
import dev.tributary.worker.cluster.ZooKeeperConfig;
import dev.tributary.worker.config.DeepStorageConfig;
import dev.tributary.worker.metadata.DataSegment;
import dev.tributary.worker.metadata.MetadataStore;
import dev.tributary.worker.plumber.RealtimePlumber;
import dev.tributary.worker.server.HistoricalServer;
import dev.tributary.worker.server.RealtimeServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handoff under faults, on the real servers: the historical is down when segments are ready, the
 * PostgreSQL metadata store becomes unreachable while segments are published, deep storage (S3
 * through s3proxy) fails every third push, and ZooKeeper restarts. Every time, handoff completes,
 * nothing is published twice or without its files, and the totals are exact.
 */
class HandoffFaultsIntegrationTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    @RegisterExtension
    static final ZooKeeperExtension ZOOKEEPER = new ZooKeeperExtension();
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    @RegisterExtension
    static final S3Extension S3 = new S3Extension();

    private static final int EVENTS = 600; // ten minutes of event time: minutes 0..8 hand off

    @TempDir
    Path dir;

    private ClusterHarness cluster() {
        return new ClusterHarness(dir, ZOOKEEPER.connectString(), KAFKA.bootstrapServers());
    }

    private static RealtimePlumber plumber(RealtimeServer realtime) {
        return (RealtimePlumber) realtime.node().plumber();
    }

    @Test
    void shouldWaitForAHistoricalThatIsDownAndCompleteWhenItComes() throws Exception {
        ClusterHarness cluster = cluster();
        String topic = KAFKA.createTopic("no-historical", 1);
        try (RealtimeServer realtime = cluster.startRealtime(topic, 1_000)) {
            NodeClient viaRealtime = new NodeClient(realtime.port());
            cluster.produce(topic, 0, EVENTS);
            await().atMost(Duration.ofSeconds(60)).until(() -> plumber(realtime).metrics().asMap().get("segmentsPublished")
                    .equals(9L));
            // Published, not served: the handoffs wait, count as stuck after handoffConditionTimeout, keep their data.
            await().atMost(Duration.ofSeconds(30)).until(() -> plumber(realtime).stuckHandoffs() == 9);
            NodeClient.Response status = viaRealtime.get("/status/ingestion");
            assertThat(status.body().get("stuckHandoffs").asInt()).isEqualTo(9);
            assertThat(status.body().get("handoffs")).hasSize(9);
            assertThat(status.body().get("handoffs").get(0).get("stage").asText()).isEqualTo("WAITING");
            assertThat(total(viaRealtime, false)).isEqualTo(EVENTS);
            assertThat(plumber(realtime).sinkCount()).isEqualTo(10);

            try (ClusterHarness.QueryLoop loop = new ClusterHarness.QueryLoop(Map.of("realtime", viaRealtime));
                 HistoricalServer historical = cluster.startHistorical("historical")) {
                await().atMost(Duration.ofSeconds(60)).until(() -> plumber(realtime).metrics().handedOffSegments() == 9);
                assertThat(plumber(realtime).sinkCount()).isEqualTo(1);
                assertThat(total(new NodeClient(historical.port()), true)).isEqualTo(540);
                loop.stopAndCheck(EVENTS);
            }
        }
    }

    @Test
    void shouldPublishOnceWhenPostgresqlIsUnreachableDuringPublishes() throws Exception {
        try (TcpProxy postgres = new TcpProxy("127.0.0.1", 5432)) {
            ClusterHarness cluster = cluster()
                    .without("tributary.metadata.storage.embedded.directory")
                    .with("tributary.metadata.storage.type", "postgresql")
                    .with("tributary.metadata.storage.connector.connectURI",
                            "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + POSTGRES.databaseName())
                    .with("tributary.metadata.storage.connector.user", POSTGRES.user());
            String topic = KAFKA.createTopic("pg-down", 1);
            try (HistoricalServer historical = cluster.startHistorical("historical");
                 RealtimeServer realtime = cluster.startRealtime(topic, 0)) {
                // The first three publishes reach PostgreSQL, which then becomes unreachable for 4 s each time.
                postgres.outageAfterClientSends("INSERT INTO tributary_segments", 4_000, 3);
                cluster.produce(topic, 0, EVENTS);
                await().atMost(Duration.ofSeconds(180)).until(() -> plumber(realtime).metrics().handedOffSegments() == 9);
                assertThat(postgres.outages()).isEqualTo(3);
                await().atMost(Duration.ofSeconds(30)).until(() -> total(new NodeClient(historical.port()), false) == EVENTS);
                try (MetadataStore store = MetadataStore.open(cluster.metadata())) {
                    List<DataSegment> used = store.segmentStore().usedSegments();
                    assertThat(used).hasSize(9);
                    assertThat(used.stream().map(DataSegment::id).distinct()).hasSize(9);
                }
            }
        }
    }

    /** Real S3 storage behind a fault: every third push fails as if the connection broke. */
    private static final class EveryThirdPushFails implements DeepStorage {
        private final DeepStorage real;
        private final AtomicInteger pushes = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();

        EveryThirdPushFails(DeepStorage real) {
            this.real = real;
        }

        @Override
        public URI push(Path segmentDirectory, SegmentKey key) {
            if (pushes.incrementAndGet() % 3 == 0) {
                failures.incrementAndGet();
                throw new DeepStorageException("injected: the connection to S3 broke during push " + pushes.get(), null, true);
            }
            return real.push(segmentDirectory, key);
        }

        @Override
        public void pull(URI location, Path targetDirectory) {
            real.pull(location, targetDirectory);
        }

        @Override
        public void kill(URI location) {
            real.kill(location);
        }
    }

    @Test
    void shouldRetryPushesWhenDeepStorageFailsEveryThirdTime() throws Exception {
        String bucket = S3.createBucket("handoff");
        ClusterHarness cluster = cluster()
                .without("tributary.storage.storageDirectory")
                .with("tributary.storage.type", "s3")
                .with("tributary.storage.bucket", bucket)
                .with("tributary.storage.s3.endpoint", S3.endpoint().toString())
                .with("tributary.storage.s3.region", S3Extension.REGION)
                .with("tributary.storage.s3.pathStyleAccess", "true")
                .with("tributary.storage.s3.accessKey", S3.accessKey())
                .with("tributary.storage.s3.secretKey", S3.secretKey());
        String topic = KAFKA.createTopic("s3-flaky", 1);
        DeepStorageConfig storage = DeepStorageConfig.from(cluster.props("realtime"));
        DeepStorage s3 = storage.open();
        EveryThirdPushFails flaky = new EveryThirdPushFails(s3);
        try (HistoricalServer historical = cluster.startHistorical("historical");
             RealtimeServer realtime = cluster.startRealtime(topic, flaky, storage.loadSpecType())) {
            cluster.produce(topic, 0, EVENTS);
            await().atMost(Duration.ofSeconds(120)).until(() -> plumber(realtime).metrics().handedOffSegments() == 9);
            assertThat(flaky.failures.get()).isGreaterThanOrEqualTo(3);
            await().atMost(Duration.ofSeconds(30)).until(() -> total(new NodeClient(historical.port()), false) == EVENTS);
            try (MetadataStore store = MetadataStore.open(cluster.metadata())) {
                List<DataSegment> used = store.segmentStore().usedSegments();
                assertThat(used).hasSize(9);
                for (DataSegment segment : used) { // every published segment is whole in S3
                    Path copy = dir.resolve("check-" + segment.partitionNum() + "-" + segment.interval().start());
                    s3.pull(URI.create((String) segment.loadSpec().get("uri")), copy);
                    assertThat(dev.tributary.core.segment.Segment.open(copy).rowCount()).isEqualTo(60);
                }
            }
        } finally {
            if (s3 instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    @Test
    void shouldReannounceEverythingAfterZooKeeperRestarts() throws Exception {
        ClusterHarness cluster = cluster();
        String topic = KAFKA.createTopic("zk-restart", 1);
        try (HistoricalServer historical = cluster.startHistorical("historical");
             RealtimeServer realtime = cluster.startRealtime(topic, 0)) {
            NodeClient viaRealtime = new NodeClient(realtime.port());
            cluster.produce(topic, 0, 300); // minutes 0..4: four hand off
            await().atMost(Duration.ofSeconds(60)).until(() -> plumber(realtime).metrics().handedOffSegments() == 4);

            ZOOKEEPER.restart();
            ZooKeeperConfig zk = ZooKeeperConfig.from(cluster.props("observer"));
            try (CuratorFramework client = zk.newClient(); ClusterView view = new ClusterView(client, zk.basePath())) {
                view.start();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertThat(view.servers(ServerInfo.HISTORICAL)).hasSize(1);
                    assertThat(view.servers(ServerInfo.REALTIME)).hasSize(1);
                    assertThat(view.segmentsByServer().get(view.servers(ServerInfo.HISTORICAL).get(0))).hasSize(4);
                    assertThat(view.segmentsByServer().get(view.servers(ServerInfo.REALTIME).get(0))).hasSize(1);
                });
            }
            cluster.produce(topic, 300, EVENTS - 300);
            await().atMost(Duration.ofSeconds(60)).until(() -> plumber(realtime).metrics().handedOffSegments() == 9);
            await().atMost(Duration.ofSeconds(30)).until(() -> total(viaRealtime, false) == EVENTS
                    && total(new NodeClient(historical.port()), false) == EVENTS);
        }
    }
}
