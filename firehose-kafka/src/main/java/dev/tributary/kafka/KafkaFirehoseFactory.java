package dev.tributary.kafka;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.spi.Firehose;
import dev.tributary.core.spi.FirehoseContext;
import dev.tributary.core.spi.FirehoseFactory;
import java.util.Map;
import java.util.Set;

/**
 * The {@code {"type": "kafka"}} firehose of a spec: one member of a Kafka consumer group reading one
 * topic. Scale is another worker with the same {@code group.id}.
 *
 * @param topic the topic to read (Druid's old firehose called it {@code feed})
 * @param consumerProps Kafka consumer properties; {@code bootstrap.servers} and {@code group.id} are
 *                      required. Deserializers are fixed to bytes, and auto-commit is always off:
 *                      offsets are committed only by the plumber, after the rows they cover are safe.
 */
public record KafkaFirehoseFactory(
        @JsonProperty("topic") @JsonAlias("feed") String topic,
        @JsonProperty("consumerProps") @JsonAlias("consumerProperties") Map<String, String> consumerProps)
        implements FirehoseFactory {

    /** Keys Tributary sets itself; a spec may not override them. */
    static final Set<String> RESERVED = Set.of("enable.auto.commit", "key.deserializer", "value.deserializer");

    public KafkaFirehoseFactory {
        require(topic != null && !topic.isBlank(), "topic", "the kafka firehose needs a topic");
        consumerProps = consumerProps == null ? Map.of() : Map.copyOf(consumerProps);
        require(consumerProps.containsKey("bootstrap.servers"), "consumerProps.bootstrap.servers",
                "is required, for example \"localhost:9092\"");
        require(consumerProps.containsKey("group.id"), "consumerProps.group.id",
                "is required: workers with the same group.id share the topic's partitions");
        for (String key : RESERVED) {
            require(!consumerProps.containsKey(key), "consumerProps." + key, "is set by Tributary and may not be overridden");
        }
    }

    @Override
    public Firehose connect(FirehoseContext context) {
        return new KafkaFirehose(this, context);
    }

    /** The consumer properties for display: values of keys that look secret are masked. */
    @Override
    public String toString() {
        Map<String, String> shown = new java.util.TreeMap<>();
        consumerProps.forEach((k, v) -> shown.put(k, Secrets.isSecretKey(k) ? "*****" : v));
        return "KafkaFirehoseFactory[topic=" + topic + ", consumerProps=" + shown + "]";
    }
}
