package dev.tributary.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.testing.KafkaBrokerExtension;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.server.RealtimeServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Druid's own integration-test queries (../shared/conformance), answered by Tributary after the
 * events went through the real ingestion path: a Kafka topic, the kafka firehose, the spec's
 * dataSchema. Results are compared the way Druid's harness compares them (see the folder's README).
 */
class DruidConformanceTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("%%([A-Z_]+)%%");

    private static Path conformanceDir() {
        String configured = System.getProperty("tributary.conformance.dir");
        Path dir = configured == null ? Path.of("../../shared/conformance") : Path.of(configured);
        if (!Files.isDirectory(dir)) {
            String message = "Druid conformance vectors not found at " + dir.toAbsolutePath()
                    + " (they live in ../shared/conformance beside the project)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        return dir;
    }

    private static String read(Path file, String dataSource) throws IOException {
        String text = Files.readString(file).replace("%%DATASOURCE%%", dataSource);
        return PLACEHOLDER.matcher(text).replaceAll("0");
    }

    @org.junit.jupiter.api.io.TempDir
    static Path persistDirectory;

    @TestFactory
    Stream<DynamicTest> wikipediaIndexQueries() throws Exception {
        Path dir = conformanceDir().resolve("tiny-wiki");
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            events.addAll(Files.readAllLines(dir.resolve("wikipedia_index_data" + i + ".json")).stream()
                    .filter(l -> !l.isBlank()).toList());
        }
        return run("wikipedia_index_test", dir.resolve("wikipedia_index_task.json"), events,
                dir.resolve("wikipedia_index_queries.json"));
    }

    @TestFactory
    Stream<DynamicTest> wikipediaMergeIndexQueries() throws Exception {
        Path dir = conformanceDir().resolve("tiny-wiki");
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            events.addAll(Files.readAllLines(dir.resolve("wikipedia_index_data" + i + ".json")).stream()
                    .filter(l -> !l.isBlank()).toList());
        }
        return run("wikipedia_merge_index_test", dir.resolve("wikipedia_merge_index_task.json"), events,
                dir.resolve("wikipedia_merge_index_queries.json"));
    }

    @TestFactory
    Stream<DynamicTest> jsonPathIndexQueries() throws Exception {
        Path dir = conformanceDir().resolve("tiny-wiki");
        JsonNode task = MAPPER.readTree(read(dir.resolve("json_path_index_task.json"), "json_path_index_test"));
        String inline = task.path("spec").path("ioConfig").path("inputSource").path("data").asText();
        List<String> events = inline.lines().filter(l -> !l.isBlank()).toList();
        return run("json_path_index_test", dir.resolve("json_path_index_task.json"), events,
                dir.resolve("json_path_index_queries.json"));
    }

    private Stream<DynamicTest> run(String dataSource, Path taskFile, List<String> events, Path queriesFile) throws Exception {
        JsonNode task = MAPPER.readTree(read(taskFile, dataSource));
        String topic = KAFKA.createTopic(dataSource, 2);
        ObjectNode ioConfig = MAPPER.createObjectNode();
        ioConfig.put("type", "realtime");
        ioConfig.set("firehose", MAPPER.readTree("""
                {"type": "kafka", "topic": "%s", "consumerProps": {"bootstrap.servers": "%s", "group.id": "%s"}}"""
                .formatted(topic, KAFKA.bootstrapServers(), topic)));
        JsonNode inputFormat = task.path("spec").path("ioConfig").path("inputFormat");
        if (!inputFormat.isMissingNode()) {
            ioConfig.set("inputFormat", inputFormat);
        }
        ObjectNode spec = MAPPER.createObjectNode();
        spec.set("dataSchema", task.path("spec").path("dataSchema"));
        spec.set("ioConfig", ioConfig);
        // the events are a batch task's history: no window rejects them; persist under the test's directory
        spec.set("tuningConfig", MAPPER.readTree("""
                {"type": "realtime", "rejectionPolicy": {"type": "none"}, "basePersistDirectory": "%s"}"""
                .formatted(persistDirectory.resolve(dataSource))));
        RealtimeServer node = RealtimeServer.start(NodeConfig.defaults().withPort(0), SpecReader.read(spec.toString()));
        try {
            produce(topic, events);
            await().atMost(Duration.ofSeconds(60)).until(() -> node.node().metrics().consumed() == events.size());
            assertThat(node.node().metrics().unparseable()).as("unparseable conformance events").isZero();
            JsonNode cases = MAPPER.readTree(read(queriesFile, dataSource));
            List<DynamicTest> tests = new ArrayList<>();
            for (JsonNode testCase : cases) {
                String name = testCase.path("description").asText();
                String answer = query(node.port(), testCase.get("query").toString());
                tests.add(DynamicTest.dynamicTest(name, () -> compare(testCase, answer)));
            }
            return tests.stream();
        } finally {
            node.close();
        }
    }

    private static void compare(JsonNode testCase, String answer) throws IOException {
        JsonNode expected = testCase.get("expectedResults");
        JsonNode actual = MAPPER.readTree(answer);
        assertThat(actual.isArray()).as("answer %s", answer).isTrue();
        JsonNode fields = testCase.get("fieldsToTest");
        if (fields != null && fields.isArray()) {
            expected = only(expected, fields);
            actual = only(actual, fields);
        }
        assertThat(actual).as("query %s", testCase.get("query")).isEqualTo(expected);
    }

    /** Keeps only the named fields of each row's result or event (Druid's fieldsToTest). */
    private static JsonNode only(JsonNode rows, JsonNode fields) {
        var copy = rows.deepCopy();
        for (JsonNode row : copy) {
            for (String holder : new String[] {"result", "event"}) {
                if (row.get(holder) instanceof ObjectNode values) {
                    Iterator<String> names = values.fieldNames();
                    List<String> drop = new ArrayList<>();
                    names.forEachRemaining(n -> {
                        boolean keep = false;
                        for (JsonNode f : fields) {
                            keep |= f.asText().equals(n);
                        }
                        if (!keep) {
                            drop.add(n);
                        }
                    });
                    values.remove(drop);
                }
            }
        }
        return copy;
    }

    private static void produce(String topic, List<String> events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<String, String>(props, new StringSerializer(), new StringSerializer())) {
            for (String event : events) {
                producer.send(new ProducerRecord<>(topic, event));
            }
        }
    }

    private static String query(int port, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/druid/v2"))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
