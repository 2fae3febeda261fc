package dev.tributary.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster (KRaft, one process that is both broker and controller) running
 * inside this JVM, listening on free ports of 127.0.0.1 with PLAINTEXT.
 *
 * <p><b>Lifecycle.</b> {@link #start()} and {@link #start(Path)} block until the broker answers an
 * Admin client, or fail with {@link IllegalStateException} after {@link #STARTUP_TIMEOUT}. {@link
 * #close()} stops the broker and blocks until its threads are done; it is idempotent. The broker's
 * threads are not daemons: a broker that is never closed keeps the JVM alive.
 *
 * <p><b>Threading.</b> All methods may be called from any thread. {@link #createTopic} may run
 * concurrently with itself; {@link #close()} should not race with it.
 *
 * <p><b>Data.</b> With {@link #start(Path)} the caller owns the directory and it is kept on close, so
 * a later start on it sees the earlier topics and records. With {@link #start()} the broker owns a
 * temporary directory and deletes it on close.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /** How long {@code start} waits for the broker to become ready before giving up. */
    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final KafkaRaftServer server;
    private final BrokerAdmin admin;
    private final String bootstrapServers;
    private final Path dataDirectory;
    private final boolean ownsDataDirectory;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, BrokerAdmin admin, String bootstrapServers,
            Path dataDirectory, boolean ownsDataDirectory) {
        this.server = server;
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.dataDirectory = dataDirectory;
        this.ownsDataDirectory = ownsDataDirectory;
    }

    /** Starts a broker in a new temporary directory that is deleted on {@link #close()}. */
    public static EmbeddedKafkaBroker start() {
        Path directory = TempDirectories.create("tributary-kafka-");
        try {
            return start(directory, true);
        } catch (RuntimeException e) {
            deleteQuietly(directory, e);
            throw e;
        }
    }

    /**
     * Starts a broker that keeps its configuration and logs under {@code dataDir} (created if
     * missing, kept on close). A directory formatted by an earlier start is reused as it is.
     */
    public static EmbeddedKafkaBroker start(Path dataDir) {
        return start(dataDir, false);
    }

    private static EmbeddedKafkaBroker start(Path dataDir, boolean ownsDataDir) {
        int brokerPort = FreePort.pick();
        int controllerPort = FreePort.pick();
        Path logDir = dataDir.resolve("logs");
        Properties props = BrokerProperties.singleNode(logDir, brokerPort, controllerPort);
        StorageFormatter.formatIfNeeded(writeServerProperties(dataDir, props), logDir);

        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        String bootstrapServers = BrokerProperties.HOST + ":" + brokerPort;
        BrokerAdmin admin = null;
        try {
            server.startup();
            admin = new BrokerAdmin(bootstrapServers, STARTUP_TIMEOUT);
            admin.awaitReady(STARTUP_TIMEOUT);
        } catch (RuntimeException e) {
            if (admin != null) {
                admin.closeNow();
            }
            stop(server);
            throw e;
        }
        LOG.info("Embedded Kafka broker is ready at {} (data in {})", bootstrapServers, dataDir);
        return new EmbeddedKafkaBroker(server, admin, bootstrapServers, dataDir, ownsDataDir);
    }

    /** The {@code bootstrap.servers} value for clients of this broker, e.g. {@code 127.0.0.1:40123}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Where the broker keeps its server.properties and its logs (under {@code logs/}). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Creates a topic with replication factor 1 and waits until the broker serves every partition,
     * so producers, consumers and Admin calls can use it at once.
     *
     * @throws IllegalStateException if the topic exists already, or creation fails or times out
     */
    public void createTopic(String name, int partitions) {
        admin.createTopic(name, partitions);
    }

    /** Stops the broker, waits for it to finish, and deletes the directory it owns, if any. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            admin.close();
        } finally {
            stop(server);
        }
        if (ownsDataDirectory) {
            deleteQuietly(dataDirectory, null);
        }
        LOG.info("Embedded Kafka broker at {} stopped", bootstrapServers);
    }

    private static Path writeServerProperties(Path dataDir, Properties props) {
        Path file = dataDir.resolve("server.properties");
        try {
            Files.createDirectories(dataDir);
            try (OutputStream out = Files.newOutputStream(file)) {
                props.store(out, "Written by EmbeddedKafkaBroker; ports change on every start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
        return file;
    }

    private static void stop(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static void deleteQuietly(Path directory, Throwable primary) {
        try {
            TempDirectories.deleteRecursively(directory);
        } catch (IOException e) {
            // Leaving a temp directory behind must not hide the failure that led here.
            if (primary != null) {
                primary.addSuppressed(e);
            } else {
                LOG.warn("Could not delete {}", directory, e);
            }
        }
    }
}
