package dev.tributary.testing;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tributary.embedded.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class the one embedded Kafka broker of this test JVM, started by the first class that
 * asks for it and closed when the whole test run ends.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
 * }</pre>
 *
 * <p>Test classes share the broker, so each should work in topics of its own: {@link #createTopic}
 * returns a fresh name on every call. Methods may be called from any thread once {@code beforeAll}
 * has run.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback {

    private static final AtomicInteger TOPIC_COUNTER = new AtomicInteger();

    private volatile EmbeddedKafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = SharedResources.getOrStart(context, EmbeddedKafkaBroker.class, EmbeddedKafkaBroker::start);
    }

    /** The {@code bootstrap.servers} value for clients of the shared broker. */
    public String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /**
     * Creates a topic named {@code prefix} plus a suffix unique in this JVM, waits until it exists,
     * and returns its name.
     */
    public String createTopic(String prefix, int partitions) {
        String name = prefix + "-" + TOPIC_COUNTER.incrementAndGet();
        broker().createTopic(name, partitions);
        return name;
    }

    private EmbeddedKafkaBroker broker() {
        return Objects.requireNonNull(broker,
                "The Kafka broker is started in beforeAll: register KafkaBrokerExtension on a static field");
    }
}
