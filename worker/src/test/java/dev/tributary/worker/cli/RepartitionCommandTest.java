package dev.tributary.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tributary repartition} refuses what it cannot run before it connects anywhere, naming what to fix. */
class RepartitionCommandTest {
    private static final String KAFKA_SPEC = """
            {"dataSchema": {"dataSource": "clicks", "timestampSpec": {"column": "ts"}},
             "ioConfig": {"firehose": {"type": "kafka", "topic": "clicks",
               "consumerProps": {"bootstrap.servers": "127.0.0.1:1", "group.id": "g"}}}}""";

    @TempDir
    Path dir;

    private record Run(int exitCode, String err) {
    }

    private Run run(String... args) {
        CommandLine cli = TributaryCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), err.toString());
    }

    @Test
    void shouldRefuseToWeakenExactlyOnce() throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.json"), KAFKA_SPEC);
        Run run = run("repartition", "--spec", spec.toString(), "--from", "raw", "-p", "processing.guarantee=at_least_once");
        assertThat(run.exitCode()).isEqualTo(TributaryCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("processing.guarantee");
    }

    @Test
    void shouldRefuseToReadTheTopicItWrites() throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.json"), KAFKA_SPEC);
        Run run = run("repartition", "--spec", spec.toString(), "--from", "clicks");
        assertThat(run.exitCode()).isEqualTo(TributaryCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("must differ");
    }

    @Test
    void shouldAskForTheTargetWhenTheSpecDoesNotReadKafka() throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.json"), """
                {"dataSchema": {"dataSource": "clicks", "timestampSpec": {"column": "ts"}},
                 "ioConfig": {"firehose": {"type": "local", "baseDir": "%s"}}}""".formatted(dir));
        Run run = run("repartition", "--spec", spec.toString(), "--from", "raw");
        assertThat(run.exitCode()).isEqualTo(TributaryCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("ioConfig.firehose").contains("target topic");
    }

    @Test
    void shouldRequireTheRawTopic() throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.json"), KAFKA_SPEC);
        Run run = run("repartition", "--spec", spec.toString());
        assertThat(run.exitCode()).isEqualTo(TributaryCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("--from");
    }
}
