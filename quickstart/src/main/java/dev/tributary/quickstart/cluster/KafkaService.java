package dev.tributary.quickstart.cluster;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka cluster as one process ({@code kafka.Kafka}, Kafka's own launcher): KRaft, the
 * node both broker and controller, PLAINTEXT on 127.0.0.1. Its log directory is formatted first with
 * {@code kafka.tools.StorageTool format}, as {@code kafka-storage.sh} does; since server.properties
 * names the controller quorum ({@code controller.quorum.voters}), the format takes no
 * {@code --standalone}.
 */
final class KafkaService {
    static final String MAIN_CLASS = "kafka.Kafka";
    static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx1g", "-XX:+UseParallelGC");

    private KafkaService() {
    }

    /** Writes server.properties, formats the log directory, starts the broker and returns once it answers. */
    static ClusterProcess start(ClusterLayout layout, Classpaths classpaths) {
        int brokerPort = FreePorts.pick();
        int controllerPort = FreePorts.pick();
        Path directory = layout.kafka();
        Path config = writeConfig(directory, brokerPort, controllerPort);
        List<String> jvm = new ArrayList<>(JVM_OPTIONS);
        jvm.add("-Dlogback.configurationFile=" + layout.logback());
        format(classpaths, jvm, config, layout.log("kafka"), directory);
        ClusterProcess process = JavaProcesses.start("kafka", ClusterProcess.Role.KAFKA, brokerPort, jvm, classpaths.kafka(),
                MAIN_CLASS, List.of(config.toString()), layout.log("kafka"), directory);
        String bootstrap = bootstrap(process);
        Waits.until("Kafka to listen on port " + brokerPort, STARTUP_TIMEOUT, () -> FreePorts.accepting(brokerPort),
                () -> JavaProcesses.isAlive(process) ? null : "Kafka exited; its log says:\n" + JavaProcesses.tail(process.log(), 30));
        try (ClusterKafka kafka = new ClusterKafka(bootstrap)) {
            kafka.awaitReady(STARTUP_TIMEOUT);
        }
        return process;
    }

    static String bootstrap(ClusterProcess kafka) {
        return LocalCluster.HOST + ":" + kafka.port();
    }

    /** Runs the storage tool in its own JVM, on Kafka's classpath, and waits for it. */
    private static void format(Classpaths classpaths, List<String> jvm, Path config, Path log, Path directory) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-cp", classpaths.kafka(), STORAGE_TOOL, "format",
                "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString()));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LocalClusterException("formatting Kafka's storage took longer than " + STARTUP_TIMEOUT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new LocalClusterException("formatting Kafka's storage failed with exit code " + process.exitValue()
                        + "; the log says:\n" + JavaProcesses.tail(log, 20));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run Kafka's storage tool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalClusterException("interrupted while formatting Kafka's storage", e);
        }
    }

    private static Path writeConfig(Path directory, int brokerPort, int controllerPort) {
        String host = LocalCluster.HOST;
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host + ":" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("log.dirs", directory.resolve("logs").toAbsolutePath().toString());
        // One node: every internal topic must live with a single replica, or it is never created.
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Workers that join together form one group at once rather than after the default 3 s wait.
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        // The cluster creates its topics; a typo in a spec's topic fails instead of making a new one.
        props.setProperty("auto.create.topics.enable", "false");
        Path file = directory.resolve("server.properties");
        try {
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(file)) {
                props.store(out, "Written by 'tributary cluster up'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
