package dev.tributary.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.core.spec.IngestionSpec;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.core.time.Granularity;
import dev.tributary.quickstart.DockerFiles.Instruction;
import dev.tributary.worker.cluster.ZooKeeperConfig;
import dev.tributary.worker.config.DeepStorageConfig;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.historical.HistoricalConfig;
import dev.tributary.worker.metadata.MetadataStoreConfig;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

/**
 * docker-compose.yml and the Dockerfile, checked by construction: no Docker engine runs where the
 * tests run, so these tests read the files and hold them to what {@code docker compose up --scale
 * worker=3} needs, and to what the nodes accept (the same CLI parser and config classes).
 */
class DockerComposeTest {
    private static final JsonNode COMPOSE = DockerFiles.compose();
    private static final JsonNode SERVICES = COMPOSE.path("services");
    /** Services run with --scale: every replica must differ from the others on its own. */
    private static final List<String> SCALED = List.of("worker", "historical");
    /** The Tributary image's services: the role is the command. */
    private static final List<String> NODES = List.of("worker", "historical", "producer");
    /** Long-running servers that others wait for. */
    private static final List<String> HEALTH_CHECKED = List.of("zookeeper", "kafka", "postgres", "minio", "worker", "historical");
    /** A version with at least major.minor, or MinIO's RELEASE timestamp; never "latest". */
    private static final Pattern PINNED_TAG = Pattern.compile("(?:\\d+\\.\\d+[\\w.+-]*|RELEASE\\.\\d{4}-\\d\\d-\\d\\dT[\\w-]+)");

    @Test
    void shouldDefineEveryServiceOfTheCluster() {
        assertThat(names(SERVICES)).contains("zookeeper", "kafka", "kafka-init", "postgres", "minio", "minio-init",
                "worker", "historical", "producer");
    }

    @Test
    void shouldPinTheTagOfEveryImage() {
        for (String name : names(SERVICES)) {
            String image = service(name).path("image").asText("");
            assertThat(image).as("image of %s", name).isNotEmpty();
            assertThat(tagOf(image)).as("tag of %s's image %s", name, image).matches(PINNED_TAG).doesNotContain("latest");
        }
        for (Instruction from : instructions("FROM")) {
            String image = from.arguments().split("\\s+")[0];
            assertThat(tagOf(image)).as("tag of FROM %s", image).matches(PINNED_TAG).doesNotContain("latest");
        }
    }

    @Test
    void shouldBuildOneImageForEveryTributaryRole() {
        String image = service("worker").path("image").asText();
        for (String name : NODES) {
            assertThat(service(name).path("build").asText()).as("build context of %s", name).isEqualTo(".");
            assertThat(service(name).path("image").asText()).as("image of %s", name).isEqualTo(image);
        }
    }

    @Test
    void shouldLetWorkersAndHistoricalsScale() {
        for (String name : SCALED) {
            JsonNode service = service(name);
            assertThat(service.has("container_name")).as("%s has a container_name", name).isFalse();
            // A fixed host name would make every replica announce the same address in ZooKeeper.
            assertThat(service.has("hostname")).as("%s has a fixed hostname", name).isFalse();
            assertThat(service.has("ports")).as("%s publishes host ports", name).isFalse();
            assertThat(texts(service.path("expose"))).as("ports %s exposes", name).containsExactly("8084");
            assertThat(service.path("deploy").has("replicas")).as("%s fixes its replicas", name).isFalse();
        }
    }

    @Test
    void shouldStartEachServiceAfterWhatItNeeds() {
        assertThat(dependencies("worker")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "zookeeper", "service_healthy", "kafka", "service_healthy", "kafka-init", "service_completed_successfully",
                "postgres", "service_healthy", "minio-init", "service_completed_successfully"));
        assertThat(dependencies("historical")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "zookeeper", "service_healthy", "postgres", "service_healthy", "minio-init", "service_completed_successfully"));
        assertThat(dependencies("producer")).containsEntry("kafka-init", "service_completed_successfully");
        assertThat(dependencies("kafka-init")).containsEntry("kafka", "service_healthy");
        assertThat(dependencies("minio-init")).containsEntry("minio", "service_healthy");
        for (String name : names(SERVICES)) {
            dependencies(name).forEach((dependency, condition) -> {
                assertThat(SERVICES.has(dependency)).as("%s depends on unknown %s", name, dependency).isTrue();
                if (condition.equals("service_healthy")) {
                    assertThat(service(dependency).has("healthcheck")).as("%s waits for %s's health, which has no check",
                            name, dependency).isTrue();
                } else {
                    assertThat(condition).as("%s waits for %s", name, dependency).isEqualTo("service_completed_successfully");
                    assertThat(service(dependency).path("restart").asText()).as("one-shot %s restarts", dependency)
                            .isEqualTo("no");
                }
            });
        }
    }

    @Test
    void shouldCheckTheHealthOfEveryServer() {
        for (String name : HEALTH_CHECKED) {
            List<String> test = texts(service(name).path("healthcheck").path("test"));
            assertThat(test).as("health check of %s", name).hasSizeGreaterThan(1);
            assertThat(test.get(0)).as("health check of %s", name).isIn("CMD", "CMD-SHELL");
        }
        for (String name : SCALED) {
            assertThat(String.join(" ", texts(service(name).path("healthcheck").path("test"))))
                    .contains("http://127.0.0.1:8084/status/health");
        }
        assertThat(texts(service("zookeeper").path("healthcheck").path("test"))).anyMatch(s -> s.contains("srvr"));
        assertThat(env("zookeeper").get("ZOO_4LW_COMMANDS_WHITELIST")).as("srvr allowed").contains("srvr");
        assertThat(texts(service("kafka").path("healthcheck").path("test")))
                .anyMatch(s -> s.endsWith("kafka-broker-api-versions.sh"));
        assertThat(texts(service("postgres").path("healthcheck").path("test"))).contains("pg_isready");
    }

    @Test
    void shouldKeepEveryReplicasDataInANamedVolume() {
        Set<String> declared = Set.copyOf(names(COMPOSE.path("volumes")));
        Set<String> dataVolumes = new HashSet<>();
        for (String name : SCALED) {
            assertThat(dataRoot(name)).as("TRIBUTARY_DATA_ROOT of %s", name).isEqualTo(DockerFiles.DATA_ROOT);
            Optional<String[]> volume = mounts(name).stream().filter(m -> m[1].equals(DockerFiles.DATA_ROOT)).findFirst();
            assertThat(volume).as("%s mounts a volume at %s", name, DockerFiles.DATA_ROOT).isPresent();
            assertThat(declared).as("named volumes").contains(volume.get()[0]);
            dataVolumes.add(volume.get()[0]);
        }
        assertThat(dataVolumes).as("one volume per role").hasSameSizeAs(SCALED);
        Map<String, String> stateDirectories = Map.of("zookeeper", "/data", "kafka", "/var/lib/kafka/data",
                "postgres", "/var/lib/postgresql/data", "minio", "/data");
        stateDirectories.forEach((name, directory) -> assertThat(mounts(name))
                .as("%s keeps %s in a named volume", name, directory)
                .anyMatch(m -> m[1].equals(directory) && declared.contains(m[0])));
        assertThat(service("kafka").path("environment").path("KAFKA_LOG_DIRS").asText()).isEqualTo("/var/lib/kafka/data");
    }

    @Test
    void shouldGiveTheNodesCommandsTheCliAccepts() {
        Map<String, String> roles = Map.of("worker", "realtime", "historical", "historical", "producer", "produce");
        roles.forEach((name, role) -> {
            List<String> args = command(name);
            ParseResult parsed = QuickstartMain.commandLine().parseArgs(args.toArray(String[]::new));
            while (parsed.hasSubcommand()) {
                parsed = parsed.subcommand();
            }
            assertThat(parsed.commandSpec().name()).as("command of %s: %s", name, args).isEqualTo(role);
            assertThat(parsed.commandSpec().userObject()).isInstanceOf(Callable.class);
        });
        assertThat(command("worker")).startsWith("server", "realtime");
        assertThat(command("historical")).startsWith("server", "historical");
    }

    @Test
    void shouldGiveTheWorkersAConfigAndSpecTheNodeAccepts() {
        Properties props = properties(renderedFile("worker", "--config"));
        NodeConfig node = NodeConfig.from(props);
        assertThat(node.host()).as("tributary.host: each replica its own name").isEqualTo(sampleEnv("worker").get("HOSTNAME"));
        assertThat(node.port()).isEqualTo(8084);
        assertThat(ZooKeeperConfig.configured(props)).as("the worker joins the cluster").isTrue();
        assertThat(ZooKeeperConfig.from(props).connectString()).isEqualTo("zookeeper:2181");
        assertThat(MetadataStoreConfig.from(props).type()).isEqualTo(MetadataStoreConfig.StorageType.POSTGRESQL);
        DeepStorageConfig storage = DeepStorageConfig.from(props);
        assertThat(storage.type()).isEqualTo(DeepStorageConfig.StorageType.S3);
        assertThat(storage.pathStyleAccess()).as("MinIO needs path-style access").isTrue();
        assertThat(storage.endpoint()).hasToString("http://minio:9000");

        IngestionSpec spec = SpecReader.read(renderedFile("worker", "--spec"));
        assertThat(spec.dataSchema().granularitySpec().segmentGranularity()).as("a handoff every minute")
                .isEqualTo(Granularity.MINUTE);
        assertThat(spec.tuningConfig().basePersistDirectory())
                .isEqualTo(sampleEnv("worker").get("TRIBUTARY_DATA_DIR") + "/persist");
        JsonNode rawSpec = readJson(configFile("worker", "--spec"));
        JsonNode consumer = rawSpec.path("ioConfig").path("firehose").path("consumerProps");
        assertThat(consumer.path("group.instance.id").asText()).as("unique per replica").contains("${TRIBUTARY_SLOT}");
        assertThat(rawSpec.path("tuningConfig").path("basePersistDirectory").asText())
                .as("persisted in the replica's slot of its volume").startsWith("${TRIBUTARY_DATA_DIR}/");
        assertThat(readRaw(configFile("worker", "--config"))).contains("tributary.host=${HOSTNAME}");
    }

    @Test
    void shouldGiveTheHistoricalsAConfigTheNodeAccepts() {
        Properties props = properties(renderedFile("historical", "--config"));
        assertThat(NodeConfig.from(props).host()).isEqualTo(sampleEnv("historical").get("HOSTNAME"));
        assertThat(ZooKeeperConfig.from(props).connectString()).isEqualTo("zookeeper:2181");
        assertThat(MetadataStoreConfig.from(props).type()).isEqualTo(MetadataStoreConfig.StorageType.POSTGRESQL);
        assertThat(DeepStorageConfig.from(props).pathStyleAccess()).isTrue();
        HistoricalConfig historical = HistoricalConfig.from(props);
        assertThat(historical.cacheDirectory()).as("each replica its own segment cache")
                .isEqualTo(Path.of(sampleEnv("historical").get("TRIBUTARY_DATA_DIR"), "segment-cache"));
        assertThat(readRaw(configFile("historical", "--config"))).contains("tributary.host=${HOSTNAME}");
    }

    @Test
    void shouldAgreeOnNamesAndCredentialsAcrossServices() {
        Properties worker = properties(renderedFile("worker", "--config"));
        Properties historical = properties(renderedFile("historical", "--config"));
        for (Properties props : List.of(worker, historical)) {
            assertThat(DeepStorageConfig.from(props).bucket()).isEqualTo(createdBucket());
            assertThat(DeepStorageConfig.from(props).accessKey()).isEqualTo(env("minio").get("MINIO_ROOT_USER"));
            assertThat(DeepStorageConfig.from(props).secretKey()).isEqualTo(env("minio").get("MINIO_ROOT_PASSWORD"));
            assertThat(MetadataStoreConfig.from(props).connectUri()).isEqualTo("jdbc:postgresql://postgres:5432/"
                    + env("postgres").get("POSTGRES_DB"));
            assertThat(MetadataStoreConfig.from(props).user()).isEqualTo(env("postgres").get("POSTGRES_USER"));
            assertThat(MetadataStoreConfig.from(props).password()).isEqualTo(env("postgres").get("POSTGRES_PASSWORD"));
        }
        JsonNode firehose = readJson(renderedFile("worker", "--spec")).path("ioConfig").path("firehose");
        String topic = firehose.path("topic").asText();
        assertThat(optionValue(command("kafka-init"), "--topic")).isEqualTo(topic);
        assertThat(optionValue(command("producer"), "--topic")).isEqualTo(topic);
        assertThat(Integer.parseInt(optionValue(command("kafka-init"), "--partitions"))).as("partitions for several workers")
                .isGreaterThanOrEqualTo(3);
        String advertised = env("kafka").get("KAFKA_ADVERTISED_LISTENERS");
        assertThat(advertised).isEqualTo("PLAINTEXT://" + firehose.path("consumerProps").path("bootstrap.servers").asText());
        assertThat(advertised).endsWith(optionValue(command("producer"), "--bootstrap"));
        assertThat(env("kafka")).containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller").containsKey("KAFKA_NODE_ID")
                .containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS").containsKey("KAFKA_LISTENERS");
    }

    @Test
    void shouldBuildTheImageInStagesAndRunItUnprivileged() {
        List<Instruction> froms = instructions("FROM");
        assertThat(froms).as("a build stage and a runtime stage").hasSizeGreaterThanOrEqualTo(2);
        String buildStage = froms.get(0).arguments().split("\\s+(?i:as)\\s+")[1].strip();
        assertThat(froms.get(0).arguments()).startsWith("maven:");
        assertThat(froms.get(froms.size() - 1).arguments()).startsWith("eclipse-temurin:17");
        List<Instruction> all = DockerFiles.dockerfile();
        List<Instruction> runtime = all.subList(all.lastIndexOf(froms.get(froms.size() - 1)), all.size());
        assertThat(all.stream().filter(i -> i.keyword().equals("RUN")).map(Instruction::arguments))
                .as("the Maven build of bin/tributary, tests skipped")
                .anyMatch(run -> run.contains("mvn") && run.contains("-DskipTests") && run.contains("-pl quickstart -am"));
        assertThat(runtime).as("the runtime stage takes the classpath from the build stage")
                .anyMatch(i -> i.keyword().equals("COPY") && i.arguments().startsWith("--from=" + buildStage + " "));
        List<Instruction> users = runtime.stream().filter(i -> i.keyword().equals("USER")).toList();
        assertThat(users).as("USER in the runtime stage").isNotEmpty();
        String user = users.get(users.size() - 1).arguments().split(":")[0];
        assertThat(user).isNotIn("root", "0");

        String entrypoint = instructions("ENTRYPOINT").get(0).arguments();
        assertThat(entrypoint).isEqualTo("[\"/opt/tributary/bin/entrypoint.sh\"]");
        assertThat(copies(runtime)).containsEntry("/opt/tributary/bin/entrypoint.sh", "docker/entrypoint.sh");
        assertThat(DockerFiles.root().resolve("docker/entrypoint.sh")).isRegularFile();
        assertThat(instructions("ENV")).anyMatch(i -> i.arguments().contains("TRIBUTARY_DATA_ROOT=" + DockerFiles.DATA_ROOT));
        // The image carries the same config files the compose file mounts over them.
        for (String name : NODES) {
            mounts(name).stream().filter(m -> m[0].startsWith("./")).forEach(m ->
                    assertThat(copies(runtime)).as("the image's copy of %s", m[0])
                            .containsEntry(m[1] + "/", m[0].substring(2) + "/"));
        }
        String ignore = DockerFiles.read(DockerFiles.root().resolve(".dockerignore"));
        assertThat(ignore.lines().map(String::strip)).contains("**/target", ".git");
    }

    // ---- reading the compose file ----

    private static JsonNode service(String name) {
        JsonNode service = SERVICES.path(name);
        assertThat(service.isObject()).as("service %s", name).isTrue();
        return service;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(DockerFiles.interpolate(n.asText())));
        return texts;
    }

    private static List<String> command(String name) {
        JsonNode command = service(name).path("command");
        assertThat(command.isArray()).as("command of %s, in the exec (list) form", name).isTrue();
        return texts(command);
    }

    private static String optionValue(List<String> args, String option) {
        int i = args.indexOf(option);
        assertThat(i).as("%s in %s", option, args).isNotNegative().isLessThan(args.size() - 1);
        return args.get(i + 1);
    }

    /** depends_on in the long form: dependency to condition. */
    private static Map<String, String> dependencies(String name) {
        JsonNode dependsOn = service(name).path("depends_on");
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn.isMissingNode()) {
            return conditions;
        }
        assertThat(dependsOn.isObject()).as("depends_on of %s names a condition for each", name).isTrue();
        dependsOn.fields().forEachRemaining(e -> {
            assertThat(e.getValue().has("condition")).as("%s depends on %s without a condition", name, e.getKey()).isTrue();
            conditions.put(e.getKey(), e.getValue().path("condition").asText());
        });
        return conditions;
    }

    /** The service's environment, interpolated as Compose would with nothing set. */
    private static Map<String, String> env(String name) {
        Map<String, String> env = new HashMap<>();
        service(name).path("environment").fields().forEachRemaining(e -> env.put(e.getKey(),
                DockerFiles.interpolate(e.getValue().asText())));
        return env;
    }

    private static String dataRoot(String name) {
        return env(name).getOrDefault("TRIBUTARY_DATA_ROOT", DockerFiles.DATA_ROOT);
    }

    /** What a replica's entrypoint sees: the service's environment plus what the entrypoint exports. */
    private static Map<String, String> sampleEnv(String name) {
        Map<String, String> env = new HashMap<>(env(name));
        env.put("HOSTNAME", "3f2a9c81d0e4");
        env.put("TRIBUTARY_SLOT", "2");
        env.put("TRIBUTARY_DATA_DIR", dataRoot(name) + "/slot-2");
        return env;
    }

    /** The short-form volumes of a service, each as {source, target}. */
    private static List<String[]> mounts(String name) {
        List<String[]> mounts = new ArrayList<>();
        for (String volume : texts(service(name).path("volumes"))) {
            String[] parts = volume.split(":");
            assertThat(parts.length).as("volume %s of %s", volume, name).isBetween(2, 3);
            mounts.add(new String[] {parts[0], parts[1]});
        }
        return mounts;
    }

    /** The repository file behind a container path given after {@code option}, through a bind mount. */
    private static Path configFile(String name, String option) {
        String inContainer = optionValue(command(name), option);
        for (String[] mount : mounts(name)) {
            if (mount[0].startsWith("./") && inContainer.startsWith(mount[1] + "/")) {
                Path file = DockerFiles.root().resolve(mount[0])
                        .resolve(inContainer.substring(mount[1].length() + 1)).normalize();
                assertThat(file).as("%s %s of %s", option, inContainer, name).isRegularFile();
                return file;
            }
        }
        throw new AssertionError(inContainer + " (" + option + " of " + name + ") is not in a bind-mounted directory");
    }

    private static String renderedFile(String name, String option) {
        Path file = configFile(name, option);
        return DockerFiles.render(readRaw(file), sampleEnv(name), file.toString());
    }

    private static String readRaw(Path file) {
        return DockerFiles.read(file);
    }

    private static Properties properties(String text) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    private static JsonNode readJson(Path file) {
        return readJson(readRaw(file));
    }

    private static JsonNode readJson(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String createdBucket() {
        List<String> args = command("minio-init");
        assertThat(args).startsWith("mb");
        String target = args.get(args.size() - 1);
        String alias = target.substring(0, target.indexOf('/'));
        assertThat(env("minio-init")).as("minio-init's credentials for alias %s", alias).containsKey("MC_HOST_" + alias);
        assertThat(env("minio-init").get("MC_HOST_" + alias)).isEqualTo("http://" + env("minio").get("MINIO_ROOT_USER") + ":"
                + env("minio").get("MINIO_ROOT_PASSWORD") + "@minio:9000");
        return target.substring(target.indexOf('/') + 1);
    }

    // ---- reading the Dockerfile ----

    private static List<Instruction> instructions(String keyword) {
        return DockerFiles.dockerfile().stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** COPY instructions without --from: destination to source. */
    private static Map<String, String> copies(List<Instruction> instructions) {
        Map<String, String> copies = new HashMap<>();
        for (Instruction i : instructions) {
            if (i.keyword().equals("COPY") && !i.arguments().startsWith("--")) {
                String[] parts = i.arguments().split("\\s+");
                copies.put(parts[parts.length - 1], parts[0]);
            }
        }
        return copies;
    }

    private static String tagOf(String image) {
        String reference = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        return colon > slash ? reference.substring(colon + 1) : "";
    }
}
