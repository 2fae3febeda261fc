package dev.tributary.quickstart.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorkerSpecsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final WorkerSpecs specs = new WorkerSpecs(WorkerSpecs.builtIn());

    @Test
    void shouldGiveEachWorkerTheBrokerItsOwnPersistDirectoryAndItsNameAsStaticMember() throws Exception {
        JsonNode spec = MAPPER.readTree(specs.forWorker("127.0.0.1:9999", Path.of("/data/worker-2/persist"), "worker-2"));

        JsonNode props = spec.at("/ioConfig/firehose/consumerProps");
        assertThat(props.path("bootstrap.servers").asText()).isEqualTo("127.0.0.1:9999");
        assertThat(props.path("group.instance.id").asText()).isEqualTo("worker-2");
        assertThat(props.path("group.id").asText()).isEqualTo(specs.consumerGroup());
        assertThat(spec.at("/tuningConfig/basePersistDirectory").asText()).isEqualTo("/data/worker-2/persist");
        assertThat(spec.at("/ioConfig/firehose/topic").asText()).isEqualTo(specs.topic()).isEqualTo("wikipedia");
    }

    @Test
    void shouldDrainFromTheSamePersistDirectoryReadingAnEmptyTopicInAGroupOfItsOwn() throws Exception {
        JsonNode spec = MAPPER.readTree(specs.forDrain("127.0.0.1:9999", Path.of("/data/worker-1/persist"), "wikipedia-drain",
                "worker-1"));

        JsonNode props = spec.at("/ioConfig/firehose/consumerProps");
        assertThat(spec.at("/ioConfig/firehose/topic").asText()).isEqualTo("wikipedia-drain");
        assertThat(props.path("group.id").asText()).isEqualTo(specs.consumerGroup() + "-drain-worker-1");
        assertThat(props.has("group.instance.id")).isFalse();
        assertThat(spec.at("/tuningConfig/basePersistDirectory").asText()).isEqualTo("/data/worker-1/persist");
        assertThat(spec.at("/dataSchema/dataSource").asText()).isEqualTo("wikipedia");
    }

    @Test
    void shouldRefuseASpecWithoutTheKafkaFirehose() {
        String local = """
                {"dataSchema": {"dataSource": "x"}, "ioConfig": {"firehose": {"type": "local", "baseDir": "/tmp"}}}""";
        assertThatThrownBy(() -> new WorkerSpecs(local)).isInstanceOf(LocalClusterException.class).hasMessageContaining("kafka");
        assertThatThrownBy(() -> new WorkerSpecs("{not json")).isInstanceOf(LocalClusterException.class)
                .hasMessageContaining("not valid JSON");
    }
}
