package dev.tributary.quickstart;

import dev.tributary.core.spec.IngestionSpec;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.embedded.EmbeddedKafkaBroker;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.server.RealtimeServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Everything in one JVM: an embedded Kafka broker, a realtime node ingesting the built-in Wikipedia
 * spec, and a producer streaming sample edits. Start and close from one thread.
 */
public final class Quickstart implements AutoCloseable {
    static final String TOPIC = "wikipedia";
    static final String DATA_SOURCE = "wikipedia";

    private final EmbeddedKafkaBroker broker;
    private final RealtimeServer server;
    private final SampleProducer producer;

    private Quickstart(EmbeddedKafkaBroker broker, RealtimeServer server, SampleProducer producer) {
        this.broker = broker;
        this.server = server;
        this.producer = producer;
    }

    /**
     * @param port the HTTP port (0 picks a free one)
     * @param eventsPerSecond the sample producer's rate
     * @param maxEvents the producer stops after this many events
     * @param partitions partitions of the sample topic
     */
    public static Quickstart start(int port, int eventsPerSecond, long maxEvents, int partitions) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        RealtimeServer server = null;
        try {
            broker.createTopic(TOPIC, partitions);
            IngestionSpec spec = SpecReader.read(builtInSpec().replace("${bootstrap}", broker.bootstrapServers()));
            server = RealtimeServer.start(NodeConfig.defaults().withPort(port), spec);
            SampleProducer producer = new SampleProducer(broker.bootstrapServers(), TOPIC, eventsPerSecond, maxEvents);
            producer.start();
            return new Quickstart(broker, server, producer);
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            broker.close();
            throw e;
        }
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

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public long eventsSent() {
        return producer.sent();
    }

    public RealtimeServer server() {
        return server;
    }

    @Override
    public void close() {
        try {
            producer.close();
        } finally {
            try {
                server.close();
            } finally {
                broker.close();
            }
        }
    }
}
