package dev.tributary.kafka.repartition;

import dev.tributary.core.spec.IngestionSpec;
import dev.tributary.core.spec.InvalidSpecException;
import dev.tributary.kafka.KafkaFirehoseFactory;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * What one repartition job does: the spec whose transformSpec and rollup key it applies, the raw topic
 * it reads and the topic the workers read.
 *
 * @param spec the workers' ingestion spec
 * @param sourceTopic the raw topic
 * @param targetTopic the topic the workers' kafka firehose reads; it must exist, with the partition
 *                    count the workers are to share
 * @param bootstrapServers Kafka's {@code bootstrap.servers}
 * @param applicationId the Streams {@code application.id}: the consumer group of the job's
 *                      instances and the prefix of its transactional ids
 * @param streamsProperties further Kafka Streams, consumer or producer properties (security, for
 *                          instance); they may not change the guarantee, the application id or the
 *                          bootstrap servers
 * @throws InvalidRepartitionConfigException when a value is missing or not allowed
 */
public record RepartitionConfig(
        IngestionSpec spec,
        String sourceTopic,
        String targetTopic,
        String bootstrapServers,
        String applicationId,
        Map<String, String> streamsProperties) {

    /** Keys the job sets itself: the exactly-once guarantee, and what has a parameter of its own. */
    static final Set<String> RESERVED = Set.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
            StreamsConfig.APPLICATION_ID_CONFIG, StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);

    public RepartitionConfig {
        require(spec != null, "a spec is required");
        require(sourceTopic != null && !sourceTopic.isBlank(), "the raw topic to read is required");
        require(targetTopic != null && !targetTopic.isBlank(), "the topic to write is required");
        require(!sourceTopic.equals(targetTopic), "the raw topic and the target topic must differ");
        require(bootstrapServers != null && !bootstrapServers.isBlank(), "bootstrap servers are required");
        require(applicationId != null && !applicationId.isBlank(), "an application id is required");
        streamsProperties = streamsProperties == null ? Map.of() : Map.copyOf(streamsProperties);
        for (String key : RESERVED) {
            require(!streamsProperties.containsKey(key), key + " is set by the repartition job, not by a property");
        }
    }

    /**
     * A config whose target topic, bootstrap servers and application id default to the spec's: the
     * kafka firehose's topic and {@code bootstrap.servers}, and {@code tributary-repartition-<dataSource>}.
     * Null arguments take the defaults.
     *
     * @throws InvalidSpecException when a default is needed and the spec's firehose is not kafka
     */
    public static RepartitionConfig withDefaults(IngestionSpec spec, String sourceTopic, String targetTopic,
            String bootstrapServers, String applicationId, Map<String, String> streamsProperties) {
        KafkaFirehoseFactory firehose = spec.ioConfig().firehose() instanceof KafkaFirehoseFactory kafka ? kafka : null;
        if (targetTopic == null || bootstrapServers == null) {
            if (firehose == null) {
                throw new InvalidSpecException("ioConfig.firehose",
                        "is not a kafka firehose; give the target topic and bootstrap servers explicitly");
            }
            targetTopic = targetTopic == null ? firehose.topic() : targetTopic;
            bootstrapServers = bootstrapServers == null ? firehose.consumerProps().get("bootstrap.servers") : bootstrapServers;
        }
        applicationId = applicationId == null ? "tributary-repartition-" + spec.dataSchema().dataSource() : applicationId;
        return new RepartitionConfig(spec, sourceTopic, targetTopic, bootstrapServers, applicationId, streamsProperties);
    }

    /** The Kafka Streams configuration. */
    Properties toStreamsProperties() {
        Properties props = new Properties();
        // events already in the raw topic when the job first starts are repartitioned too
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // the job keeps no state: no standby replicas, no state directory work to speak of
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        props.putAll(streamsProperties);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // each raw event reaches the target exactly once, through transactions that also commit the input offsets
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return props;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidRepartitionConfigException(message);
        }
    }
}
