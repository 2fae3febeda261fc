package dev.tributary.quickstart.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.core.spec.SpecReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The workers' ingestion spec, made from the cluster's template (the quickstart's Wikipedia spec, or
 * one given to {@code up}) for each worker: the cluster's broker in {@code bootstrap.servers}, the
 * worker's name as its {@code group.instance.id} (static membership) and its own persist directory.
 * The template must use the {@code kafka} firehose; its {@code ${bootstrap}} and {@code ${persist}}
 * placeholders, if any, are filled in too.
 */
final class WorkerSpecs {
    static final String BUILT_IN = "/dev/tributary/quickstart/wikipedia-spec.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String template;

    /** @throws LocalClusterException if the template is not JSON with a kafka firehose */
    WorkerSpecs(String template) {
        this.template = template;
        JsonNode firehose = read(template).path("ioConfig").path("firehose");
        if (!"kafka".equals(firehose.path("type").asText())) {
            throw new LocalClusterException("the cluster's spec must use the kafka firehose (ioConfig.firehose.type)");
        }
    }

    static String builtIn() {
        try (InputStream in = WorkerSpecs.class.getResourceAsStream(BUILT_IN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String template() {
        return template;
    }

    /** The topic the workers read ({@code topic}, or its alias {@code feed}). */
    String topic() {
        JsonNode firehose = read(template).path("ioConfig").path("firehose");
        return firehose.hasNonNull("topic") ? firehose.get("topic").asText() : firehose.path("feed").asText();
    }

    String consumerGroup() {
        return consumerProps(read(template)).path("group.id").asText();
    }

    /** A worker's spec, checked as the worker will check it. */
    String forWorker(String bootstrap, Path persist, String instanceId) {
        ObjectNode spec = filled(bootstrap, persist);
        consumerProps(spec).put("group.instance.id", instanceId);
        return validated(spec);
    }

    /**
     * The spec of a removed worker restarted to drain: the same dataSource and persist directory, so it
     * restores what it persisted and hands it off, but reading an empty topic in a group of its own, so
     * it ingests nothing and takes no partition from the workers.
     */
    String forDrain(String bootstrap, Path persist, String drainTopic, String workerName) {
        ObjectNode spec = filled(bootstrap, persist);
        ObjectNode firehose = (ObjectNode) spec.path("ioConfig").path("firehose");
        firehose.remove("feed");
        firehose.put("topic", drainTopic);
        ObjectNode props = consumerProps(spec);
        props.put("group.id", props.path("group.id").asText() + "-drain-" + workerName);
        props.remove("group.instance.id");
        return validated(spec);
    }

    private ObjectNode filled(String bootstrap, Path persist) {
        ObjectNode spec = read(template.replace("${bootstrap}", bootstrap).replace("${persist}", persist.toString()));
        consumerProps(spec).put("bootstrap.servers", bootstrap);
        spec.withObjectProperty("tuningConfig").put("basePersistDirectory", persist.toString());
        return spec;
    }

    private static ObjectNode consumerProps(JsonNode spec) {
        JsonNode firehose = spec.path("ioConfig").path("firehose");
        JsonNode props = firehose.hasNonNull("consumerProps") ? firehose.get("consumerProps") : firehose.path("consumerProperties");
        if (!(props instanceof ObjectNode object)) {
            throw new LocalClusterException("the cluster's spec has no ioConfig.firehose.consumerProps");
        }
        return object;
    }

    private static String validated(ObjectNode spec) {
        try {
            String text = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(spec);
            SpecReader.read(text);
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode read(String json) {
        try {
            if (MAPPER.readTree(json) instanceof ObjectNode object) {
                return object;
            }
            throw new LocalClusterException("the cluster's spec is not a JSON object");
        } catch (JsonProcessingException e) {
            throw new LocalClusterException("the cluster's spec is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
