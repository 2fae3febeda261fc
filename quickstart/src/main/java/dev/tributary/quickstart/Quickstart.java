package dev.tributary.quickstart;

import dev.tributary.core.io.FileTrees;
import dev.tributary.core.spec.IngestionSpec;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.embedded.EmbeddedKafkaBroker;
import dev.tributary.embedded.EmbeddedZooKeeper;
import dev.tributary.worker.cluster.ZooKeeperConfig;
import dev.tributary.worker.config.DeepStorageConfig;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.historical.HistoricalConfig;
import dev.tributary.worker.metadata.MetadataStoreConfig;
import dev.tributary.worker.server.HistoricalServer;
import dev.tributary.worker.server.RealtimeServer;
import dev.tributary.worker.server.ShutdownStack;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything in one JVM: an embedded Kafka broker and ZooKeeper, the embedded metadata store, local
 * deep storage, a historical node, a realtime node ingesting the built-in Wikipedia spec (MINUTE
 * segments, so that a handoff happens every minute), and a producer streaming sample edits. Its files
 * live in a temporary directory deleted on close. Start and close from one thread.
 */
public final class Quickstart implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Quickstart.class);
    static final String TOPIC = "wikipedia";
    static final String DATA_SOURCE = "wikipedia";

    private final Path work;
    private final ShutdownStack parts;
    private final EmbeddedKafkaBroker broker;
    private final HistoricalServer historical;
    private final RealtimeServer server;
    private final SampleProducer producer;

    private Quickstart(Path work, ShutdownStack parts, EmbeddedKafkaBroker broker, HistoricalServer historical,
            RealtimeServer server, SampleProducer producer) {
        this.work = work;
        this.parts = parts;
        this.broker = broker;
        this.historical = historical;
        this.server = server;
        this.producer = producer;
    }

    /**
     * @param port the realtime node's HTTP port (0 picks a free one); the historical takes the next one (or a free one)
     * @param eventsPerSecond the sample producer's rate
     * @param maxEvents the producer stops after this many events
     * @param partitions partitions of the sample topic
     */
    public static Quickstart start(int port, int eventsPerSecond, long maxEvents, int partitions) {
        ShutdownStack parts = new ShutdownStack();
        Path work;
        try {
            work = Files.createTempDirectory("tributary-quickstart");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the quickstart's directory: " + e.getMessage(), e);
        }
        try {
            EmbeddedKafkaBroker broker = parts.push(EmbeddedKafkaBroker.start());
            EmbeddedZooKeeper zooKeeper = parts.push(EmbeddedZooKeeper.start());
            broker.createTopic(TOPIC, partitions);
            Properties props = clusterProperties(work, zooKeeper.connectString());
            HistoricalServer historical = parts.push(HistoricalServer.start(
                    NodeConfig.defaults().withPort(port == 0 ? 0 : port + 1), MetadataStoreConfig.from(props),
                    ZooKeeperConfig.from(props), DeepStorageConfig.from(props), HistoricalConfig.from(props)));
            IngestionSpec spec = SpecReader.read(builtInSpec().replace("${bootstrap}", broker.bootstrapServers())
                    .replace("${persist}", work.resolve("persist").toString()));
            RealtimeServer server = parts.push(RealtimeServer.startInCluster(NodeConfig.defaults().withPort(port),
                    MetadataStoreConfig.from(props), ZooKeeperConfig.from(props), DeepStorageConfig.from(props), spec));
            SampleProducer producer = parts.push(
                    new SampleProducer(broker.bootstrapServers(), TOPIC, eventsPerSecond, maxEvents));
            producer.start();
            return new Quickstart(work, parts, broker, historical, server, producer);
        } catch (RuntimeException e) {
            parts.close();
            deleteQuietly(work);
            throw e;
        }
    }

    private static Properties clusterProperties(Path work, String zooKeeper) {
        Properties props = new Properties();
        props.setProperty(MetadataStoreConfig.EMBEDDED_DIRECTORY.name(), work.resolve("metadata").toString());
        props.setProperty("tributary.zk.service.host", zooKeeper);
        props.setProperty("tributary.storage.type", "local");
        props.setProperty("tributary.storage.storageDirectory", work.resolve("deep-storage").toString());
        props.setProperty(HistoricalConfig.CACHE_DIRECTORY.name(), work.resolve("segment-cache").toString());
        props.setProperty(HistoricalConfig.POLL_PERIOD_MILLIS.name(), "1000");
        return props;
    }

    static String builtInSpec() {
        try (InputStream in = Quickstart.class.getResourceAsStream("wikipedia-spec.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.port();
    }

    public int historicalPort() {
        return historical.port();
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public long eventsSent() {
        return producer.sent();
    }

    public RealtimeServer server() {
        return server;
    }

    public HistoricalServer historical() {
        return historical;
    }

    @Override
    public void close() {
        parts.close();
        deleteQuietly(work);
    }

    private static void deleteQuietly(Path root) {
        try {
            FileTrees.deleteRecursively(root);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", root, e.getMessage());
        }
    }
}
