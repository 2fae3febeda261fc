package dev.tributary.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.testing.KafkaBrokerExtension;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.server.RealtimeServer;
import java.util.Properties;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP API's contract: Druid's status shapes, Druid's error JSON, bounded request bodies. */
class HttpApiIntegrationTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static RealtimeServer node;
    private static NodeClient client;

    @BeforeAll
    static void startNode() {
        String topic = KAFKA.createTopic("api", 1);
        String spec = """
                {"dataSchema": {"dataSource": "api", "timestampSpec": {"column": "ts"},
                   "metricsSpec": [{"type": "count", "name": "count"}]},
                 "ioConfig": {"firehose": {"type": "kafka", "topic": "%s",
                   "consumerProps": {"bootstrap.servers": "%s", "group.id": "api", "sasl.jaas.config": "hunter2-secret"}}}}
                """.formatted(topic, KAFKA.bootstrapServers());
        Properties props = new Properties();
        props.setProperty("tributary.http.port", "0");
        props.setProperty("tributary.http.maxRequestBytes", "4096");
        node = RealtimeServer.start(NodeConfig.from(props), SpecReader.read(spec));
        client = new NodeClient(node.port());
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void shouldReportStatusInDruidsShape() {
        NodeClient.Response response = client.get("/status");
        assertThat(response.status()).isEqualTo(200);
        JsonNode status = response.body();
        assertThat(status.get("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(StreamSupport.stream(status.get("modules").spliterator(), false).map(m -> m.get("artifact").asText()))
                .contains("tributary-firehose-kafka");
        JsonNode memory = status.get("memory");
        for (String key : new String[] {"maxMemory", "totalMemory", "freeMemory", "usedMemory"}) {
            assertThat(memory.get(key).isIntegralNumber()).as(key).isTrue();
            assertThat(memory.get(key).asLong()).as(key).isPositive();
        }
        assertThat(memory.get("usedMemory").asLong())
                .isEqualTo(memory.get("totalMemory").asLong() - memory.get("freeMemory").asLong());
    }

    @Test
    void shouldAnswerHealthWithTrue() {
        NodeClient.Response response = client.get("/status/health");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().isBoolean()).isTrue();
        assertThat(response.body().asBoolean()).isTrue();
    }

    @Test
    void shouldNeverShowSecretsInStatus() {
        String everything = client.get("/status").body().toString() + client.get("/status/ingestion").body();
        assertThat(everything).doesNotContain("hunter2");
    }

    @Test
    void shouldAnswerAnUnknownDataSourceWithAnEmptyList() {
        NodeClient.Response response = client.query("""
                {"queryType": "timeseries", "dataSource": "nope", "intervals": ["2000/3000"], "granularity": "all",
                 "aggregations": [{"type": "count", "name": "rows"}]}""");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().isArray()).isTrue();
        assertThat(response.body()).isEmpty();
    }

    @Test
    void shouldRefuseMalformedQueriesWithDruidsErrorJson() {
        for (String bad : new String[] {
            "{not json",
            "{\"queryType\": \"sideways\", \"dataSource\": \"api\"}",
            "{\"queryType\": \"timeseries\", \"dataSource\": \"api\"}",
            "{\"queryType\": \"timeseries\", \"dataSource\": \"api\", \"intervals\": [\"yesterday\"]}",
            "{\"queryType\": \"timeseries\", \"dataSource\": \"api\", \"intervals\": [\"2000/3000\"],"
                + " \"aggregations\": [{\"type\": \"longSum\", \"name\": \"x\"}]}",
        }) {
            NodeClient.Response response = client.query(bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            JsonNode error = response.body();
            assertThat(error.get("error").asText()).as(bad).isEqualTo("Unknown exception");
            assertThat(error.get("errorMessage").asText()).as(bad).isNotBlank();
            assertThat(error.get("errorClass").asText()).as(bad).isNotBlank();
            assertThat(error.has("host")).as(bad).isTrue();
            assertThat(error.toString()).as(bad).doesNotContain("\tat ");
        }
    }

    @Test
    void shouldNameTheMissingFieldOfABadQuery() {
        NodeClient.Response response = client.query("""
                {"queryType": "timeseries", "dataSource": "api", "intervals": ["2000/3000"],
                 "aggregations": [{"type": "longSum", "name": "x"}]}""");
        assertThat(response.body().get("errorMessage").asText()).contains("aggregations[0].fieldName");
    }

    @Test
    void shouldRefuseAnOversizedBodyWith413() {
        String huge = "{\"queryType\": \"timeseries\", \"padding\": \"" + "x".repeat(10_000) + "\"}";
        NodeClient.Response response = client.query(huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body().get("error").asText()).isEqualTo("Unknown exception");
    }

    @Test
    void shouldAnswerAnUnknownPathWithDruidsErrorJson() {
        NodeClient.Response response = client.get("/druid/v3/nothing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().get("errorMessage").asText()).contains("/druid/v3/nothing");
    }

    @Test
    void shouldEchoTheQueryIdInDruidsHeader() {
        NodeClient.Response response = client.query("""
                {"queryType": "timeseries", "dataSource": "api", "intervals": ["2000/3000"],
                 "aggregations": [{"type": "count", "name": "rows"}], "context": {"queryId": "my-query-7"}}""");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Druid-Query-Id")).hasValue("my-query-7");
    }

    @Test
    void shouldAnswer404WhenCancellingAQueryThatIsNotRunning() {
        assertThat(client.delete("/druid/v2/no-such-query").status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseATimeoutThatIsNotANumberWith400() {
        NodeClient.Response response = client.query("""
                {"queryType": "timeseries", "dataSource": "api", "intervals": ["2000/3000"],
                 "aggregations": [{"type": "count", "name": "rows"}], "context": {"timeout": "soon"}}""");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errorMessage").asText()).contains("context.timeout");
    }
}
