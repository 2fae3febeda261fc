package dev.tributary.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.worker.cluster.ZooKeeperConfig;
import dev.tributary.worker.config.DeepStorageConfig;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.historical.HistoricalConfig;
import dev.tributary.worker.metadata.MetadataStoreConfig;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/entrypoint.sh, run with bash as the image runs it, with a stand-in {@code java} on the PATH
 * that records what it was started with: replicas get distinct data slots, the configs are rendered
 * into files the nodes accept, and the CLI gets the same arguments with the rendered paths.
 */
class DockerEntrypointTest {
    private static final Path ENTRYPOINT = DockerFiles.root().resolve("docker/entrypoint.sh");
    private static final Path CONF = DockerFiles.root().resolve("docker/conf");
    /** Records its arguments and slot, then holds its inherited slot lock until the file HOLD names is gone. */
    private static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            printf '%s\\n' "$@" > "$RECORD.args"
            printf '%s\\n' "${TRIBUTARY_SLOT:-none}" > "$RECORD.slot"
            while [[ -n "${HOLD:-}" && -e "$HOLD" ]]; do sleep 0.05; done
            """;

    @TempDir
    Path dir;
    private Path data;

    @BeforeEach
    void installFakeJava() throws IOException {
        assumeTrue(onPath("bash") && onPath("flock"), "bash and flock(1) run the entrypoint, as in the image");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        data = dir.resolve("data");
    }

    @Test
    void shouldRenderTheWorkersConfigAndSpecAndStartTheCliWithThem() throws Exception {
        Process process = start("a", "worker-a", null, "server", "realtime",
                "--config", CONF.resolve("worker.properties").toString(),
                "--spec", CONF.resolve("wikipedia-spec.json").toString());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stderr("a")).isZero();

        List<String> args = Files.readAllLines(dir.resolve("a.args"));
        assertThat(args.subList(0, 4)).containsExactly("-Xmx64m", "-cp", dir.resolve("home/lib") + "/*",
                "dev.tributary.quickstart.QuickstartMain");
        List<String> cli = args.subList(4, args.size());
        assertThat(cli).hasSize(6).startsWith("server", "realtime", "--config");
        Path config = Path.of(cli.get(3));
        Path spec = Path.of(cli.get(5));
        assertThat(config).isNotEqualTo(CONF.resolve("worker.properties")).startsWith(dir.resolve("tmp"));
        assertThat(Files.readString(config) + Files.readString(spec)).doesNotContainPattern("\\$\\{[A-Za-z_]");

        Properties props = properties(config);
        assertThat(NodeConfig.from(props).host()).isEqualTo("worker-a");
        assertThat(MetadataStoreConfig.from(props).password()).isEqualTo("db-secret");
        assertThat(DeepStorageConfig.from(props).secretKey()).isEqualTo("s3-secret");
        assertThat(ZooKeeperConfig.from(props).connectString()).isEqualTo("zookeeper:2181");
        assertThat(SpecReader.read(spec).tuningConfig().basePersistDirectory())
                .isEqualTo(data.resolve("slot-1/persist").toString());
        JsonNode consumer = new ObjectMapper().readTree(spec.toFile()).path("ioConfig").path("firehose").path("consumerProps");
        assertThat(consumer.path("group.instance.id").asText()).isEqualTo("tributary-worker-1");
        assertThat(Files.readAllLines(dir.resolve("a.slot"))).containsExactly("1");
    }

    @Test
    void shouldRenderTheHistoricalsCacheIntoItsSlot() throws Exception {
        Process process = start("h", "historical-a", null, "server", "historical",
                "--config=" + CONF.resolve("historical.properties"));
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stderr("h")).isZero();
        List<String> cli = Files.readAllLines(dir.resolve("h.args"));
        String option = cli.get(cli.size() - 1);
        assertThat(option).startsWith("--config=" + dir.resolve("tmp"));
        Properties props = properties(Path.of(option.substring("--config=".length())));
        assertThat(HistoricalConfig.from(props).cacheDirectory()).isEqualTo(data.resolve("slot-1/segment-cache"));
        assertThat(NodeConfig.from(props).host()).isEqualTo("historical-a");
    }

    @Test
    void shouldGiveLiveReplicasDistinctSlotsAndAFreedSlotToTheNextOne() throws Exception {
        Path holdFirst = Files.createFile(dir.resolve("hold-first"));
        Path holdSecond = Files.createFile(dir.resolve("hold-second"));
        List<Process> processes = new ArrayList<>();
        try {
            Process first = start("first", "worker-1", holdFirst, "--version");
            processes.add(first);
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dir.resolve("first.slot")));
            Process second = start("second", "worker-2", holdSecond, "--version");
            processes.add(second);
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dir.resolve("second.slot")));
            assertThat(Files.readAllLines(dir.resolve("first.slot"))).containsExactly("1");
            assertThat(Files.readAllLines(dir.resolve("second.slot"))).as("slot 1 is held").containsExactly("2");

            Files.delete(holdFirst);
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Process third = start("third", "worker-3", null, "--version");
            processes.add(third);
            assertThat(third.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readAllLines(dir.resolve("third.slot"))).as("the stopped replica's slot, taken over")
                    .containsExactly("1");
        } finally {
            Files.deleteIfExists(holdFirst);
            Files.deleteIfExists(holdSecond);
            for (Process p : processes) {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    @Test
    void shouldRefuseToStartWhenAPlaceholdersVariableIsUnset() throws Exception {
        ProcessBuilder builder = builder("x", "worker-x", null, "server", "historical", "--config",
                CONF.resolve("historical.properties").toString());
        builder.environment().remove("TRIBUTARY_DB_PASSWORD");
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr("x")).contains("${TRIBUTARY_DB_PASSWORD}").contains("does not set TRIBUTARY_DB_PASSWORD");
        assertThat(dir.resolve("x.args")).as("the CLI never started").doesNotExist();
    }

    @Test
    void shouldClaimNoSlotWithoutADataRoot() throws Exception {
        ProcessBuilder builder = builder("p", "producer-1", null, "produce", "--bootstrap", "kafka:9092");
        builder.environment().put("TRIBUTARY_DATA_ROOT", "");
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stderr("p")).isZero();
        assertThat(Files.readAllLines(dir.resolve("p.slot"))).containsExactly("none");
        assertThat(Files.readAllLines(dir.resolve("p.args"))).endsWith("produce", "--bootstrap", "kafka:9092");
        assertThat(data).doesNotExist();
    }

    private Process start(String record, String hostname, Path hold, String... args) throws IOException {
        return builder(record, hostname, hold, args).start();
    }

    private ProcessBuilder builder(String record, String hostname, Path hold, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", ENTRYPOINT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("TRIBUTARY_") || k.equals("JAVA_OPTS"));
        env.put("PATH", dir.resolve("bin") + File.pathSeparator + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOSTNAME", hostname);
        env.put("TMPDIR", Files.createDirectories(dir.resolve("tmp")).toString());
        env.put("TRIBUTARY_HOME", dir.resolve("home").toString());
        env.put("TRIBUTARY_DATA_ROOT", data.toString());
        env.put("TRIBUTARY_DB_PASSWORD", "db-secret");
        env.put("TRIBUTARY_S3_ACCESS_KEY", "s3-user");
        env.put("TRIBUTARY_S3_SECRET_KEY", "s3-secret");
        env.put("JAVA_OPTS", "-Xmx64m");
        env.put("RECORD", dir.resolve(record).toString());
        if (hold != null) {
            env.put("HOLD", hold.toString());
        }
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.redirectError(dir.resolve(record + ".stderr").toFile());
        return builder;
    }

    private String stderr(String record) throws IOException {
        return Files.readString(dir.resolve(record + ".stderr"));
    }

    private static Properties properties(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        }
        return props;
    }

    private static boolean onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
