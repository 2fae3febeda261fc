package dev.tributary.quickstart.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.time.DateTimes;
import dev.tributary.quickstart.QuickstartMain;
import dev.tributary.quickstart.cluster.ClusterProcess.Role;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Integration test (separate processes, three to five minutes): {@code tributary cluster} brings up
 * ZooKeeper, Kafka, a historical and two workers as their own JVMs, with PostgreSQL where one answers
 * at 127.0.0.1:5432 and the embedded store otherwise. While known events stream in, a third worker is
 * added and, once it ingests, the first is removed (it hands off every sink as it stops, so it is not
 * restarted to drain); the stream goes on until both remaining workers ingest more. Then every node
 * answers the exact totals for the whole cluster, each worker's status shows its share of the
 * partitions, and {@code down} leaves no process behind.
 */
class LocalClusterIntegrationTest {
    /** AUTO (PostgreSQL where it answers), POSTGRESQL or EMBEDDED: {@code -Dtributary.test.cluster.metadata=EMBEDDED}. */
    private static final String METADATA_PROPERTY = "tributary.test.cluster.metadata";
    private static final int EVENTS_PER_SECOND = 150;
    private static final String QUERY = """
            {"queryType":"timeseries","dataSource":"edits","intervals":["1000/3000"],"granularity":"all",
             "aggregations":[{"type":"longSum","name":"events","fieldName":"count"},
                             {"type":"longSum","name":"added","fieldName":"added"}]}""";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Under target/, so that the processes' logs stay there for inspection when the test fails. */
    private static final Path DIR = Path.of("target", "cluster-it-" + System.currentTimeMillis()).toAbsolutePath();

    @AfterAll
    static void stopWhatIsLeft() {
        if (Files.exists(DIR.resolve("cluster.json"))) {
            LocalCluster cluster = LocalCluster.in(DIR, System.out);
            cluster.down(false);
            cluster.state().metadata().drop(); // the logs stay; the database does not
        }
    }

    @Test
    void shouldCountEveryEventOnceWhileAWorkerJoinsAndAnotherLeavesMidStream() throws Exception {
        run("up", "--workers", "2", "--historicals", "1", "--partitions", "6", "--worker-heap", "384m",
                "--spec", testSpec().toString(), "--metadata", System.getProperty(METADATA_PROPERTY, "AUTO"));
        ClusterState state = LocalCluster.in(DIR, System.out).state();
        assertThat(state.topic()).isEqualTo("edits");

        EventStream events = new EventStream(state.bootstrap());
        Thread producer = new Thread(events, "test-producer");
        producer.start();
        await().atMost(Duration.ofMinutes(2)).until(() -> processed("worker-1") > 0 && processed("worker-2") > 0);

        run("add-worker");
        await().atMost(Duration.ofMinutes(2)).until(() -> processed("worker-3") > 0);
        long processedByWorker1 = processed("worker-1");
        run("remove-worker", "worker-1");
        assertThat(LocalCluster.in(DIR, System.out).state().find("worker-1")).as("worker-1 handed off and forgotten").isEmpty();
        // With historical-1 up, worker-1 hands off every sink as it stops: the restart to drain is not needed.
        Path worker1 = new ClusterLayout(DIR).node("worker-1");
        assertThat(PersistedSinks.committedIn(worker1.resolve("persist"))).as("sinks worker-1 left on disk").isEmpty();
        assertThat(worker1.resolve("drain-spec.json")).as("worker-1 was not restarted to drain").doesNotExist();
        long worker2 = processed("worker-2");
        long worker3 = processed("worker-3");
        await().atMost(Duration.ofMinutes(1)).until(() -> processed("worker-2") > worker2 && processed("worker-3") > worker3);

        events.stop();
        producer.join(Duration.ofMinutes(1).toMillis());
        assertThat(producer.isAlive()).as("the producer finished").isFalse();
        assertThat(events.failure()).as("every event acknowledged").isNull();
        long sent = events.sent();
        List<Long> expected = List.of(sent, EventStream.addedSum(sent));

        ClusterState running = LocalCluster.in(DIR, System.out).state();
        List<ClusterProcess> nodes = running.processes(p -> p.role().isNode());
        assertThat(nodes).extracting(ClusterProcess::name).containsExactlyInAnyOrder("historical-1", "worker-2", "worker-3");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> nodes.stream().allMatch(node -> totals(node.port()).equals(expected)));

        Set<String> partitions = new TreeSet<>();
        long processedByLiveWorkers = 0;
        for (ClusterProcess worker : running.withRole(Role.WORKER)) {
            JsonNode status = ingestion(worker.port());
            assertThat(status.path("state").asText()).as(worker.name()).isEqualTo("RUNNING");
            assertThat(status.path("processed").asLong()).as(worker.name() + " processed").isPositive();
            assertThat(status.path("unparseable").asLong() + status.path("thrownAway").asLong()).as(worker.name()).isZero();
            assertThat(status.path("partitions").size()).as(worker.name() + " partitions").isPositive();
            status.path("partitions").properties().forEach(p -> {
                partitions.add(p.getKey());
                assertThat(p.getValue().path("lag").asLong()).as(worker.name() + " lag on " + p.getKey()).isZero();
            });
            assertThat(get(worker.port(), "/status").path("version").asText()).isNotEmpty();
            processedByLiveWorkers += status.path("processed").asLong();
        }
        assertThat(partitions).as("the live workers share every partition").hasSize(6);
        // The removed worker's count left with it; nothing it committed was processed again by the others.
        assertThat(processedByLiveWorkers).isLessThanOrEqualTo(sent - processedByWorker1);
        assertThat(ingestion(port("historical-1")).path("segments").asInt()).as("segments handed off").isPositive();

        List<Long> pids = running.processes().stream().map(ClusterProcess::pid).toList();
        run("down", "--clean");
        assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(DIR).doesNotExist();
    }

    private static void run(String... args) {
        List<String> command = new ArrayList<>(List.of("cluster"));
        command.addAll(List.of(args));
        command.addAll(List.of("--dir", DIR.toString()));
        assertThat(QuickstartMain.commandLine().execute(command.toArray(String[]::new))).as(String.join(" ", command)).isZero();
    }

    /**
     * Known events at a steady rate until stopped, stamped with the current time: event {@code i} has
     * {@code added = i % 100}, so the sum over {@code n} events is known exactly.
     */
    private static final class EventStream implements Runnable {
        private final String bootstrap;
        private final AtomicLong sent = new AtomicLong();
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private volatile boolean stopping;

        EventStream(String bootstrap) {
            this.bootstrap = bootstrap;
        }

        static long addedSum(long events) {
            long rest = events % 100;
            return events / 100 * (99 * 100 / 2) + rest * (rest - 1) / 2;
        }

        @Override
        public void run() {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
            long started = System.nanoTime();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                for (long i = 0; !stopping; i++) {
                    long due = started + (long) (i * 1e9 / EVENTS_PER_SECOND);
                    LockSupport.parkNanos(due - System.nanoTime());
                    String event = MAPPER.writeValueAsString(Map.of("time", DateTimes.print(System.currentTimeMillis()),
                            "channel", "#ch" + (i % 5), "namespace", i % 2 == 0 ? "Main" : "Talk", "added", i % 100));
                    producer.send(new ProducerRecord<>("edits", Long.toString(i), event), (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                    sent.incrementAndGet();
                }
                producer.flush();
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }

        void stop() {
            stopping = true;
        }

        long sent() {
            return sent.get();
        }

        Exception failure() {
            return failure.get();
        }
    }

    private static Path testSpec() throws IOException {
        Path spec = Files.createTempFile("cluster-test-spec", ".json");
        try (InputStream in = LocalClusterIntegrationTest.class.getResourceAsStream("cluster-test-spec.json")) {
            Files.write(spec, in.readAllBytes());
        }
        spec.toFile().deleteOnExit();
        return spec;
    }

    private static int port(String name) {
        return LocalCluster.in(DIR, System.out).state().find(name).orElseThrow().port();
    }

    /** The cluster-wide [events, added] through one node; [-1, -1] while it does not answer. */
    private static List<Long> totals(int port) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/druid/v2"))
                    .header("content-type", "application/json").timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString(QUERY)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = MAPPER.readTree(response.body());
            if (response.statusCode() != 200 || body.isEmpty()) {
                return List.of(-1L, -1L);
            }
            JsonNode result = body.get(0).get("result");
            return List.of(result.get("events").asLong(), result.get("added").asLong());
        } catch (IOException e) {
            return List.of(-1L, -1L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long processed(String worker) throws Exception {
        return ingestion(port(worker)).path("processed").asLong();
    }

    private static JsonNode ingestion(int port) throws Exception {
        return get(port, "/status/ingestion");
    }

    private static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("GET " + path + " on port " + port).isEqualTo(200);
        return MAPPER.readTree(response.body());
    }
}
