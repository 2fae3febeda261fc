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

/** {@code tributary server realtime} refuses bad input at start, naming what to fix. */
class RealtimeCommandTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String err) {
    }

    private Run run(String... args) {
        CommandLine cli = TributaryCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, err.toString());
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void shouldRefuseASpecWithAMisspelledFieldNamingItsPath() throws IOException {
        Path spec = file("spec.json", """
                {"dataSchema": {"dataSource": "x", "timestampSpec": {"column": "ts"},
                   "granularitySpec": {"segmentGranularity": "hour", "queryGranulrity": "minute"}},
                 "ioConfig": {"firehose": {"type": "kafka", "topic": "t",
                   "consumerProps": {"bootstrap.servers": "127.0.0.1:1", "group.id": "g"}}}}""");
        Run run = run("server", "realtime", "--spec", spec.toString());
        assertThat(run.exitCode()).isEqualTo(TributaryCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("dataSchema.granularitySpec.queryGranulrity").contains("unknown field");
    }

    @Test
    void shouldRefuseASpecWithoutATopicNamingTheField() throws IOException {
        Path spec = file("spec.json", """
                {"dataSchema": {"dataSource": "x", "timestampSpec": {"column": "ts"}},
                 "ioConfig": {"firehose": {"type": "kafka",
                   "consumerProps": {"bootstrap.servers": "127.0.0.1:1", "group.id": "g"}}}}""");
        Run run = run("server", "realtime", "--spec", spec.toString());
        assertThat(run.exitCode()).isEqualTo(TributaryCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("ioConfig.firehose.topic");
    }

    @Test
    void shouldRefuseAPathTraversingDataSource() throws IOException {
        Path spec = file("spec.json", """
                {"dataSchema": {"dataSource": "../../etc", "timestampSpec": {"column": "ts"}},
                 "ioConfig": {"firehose": {"type": "kafka", "topic": "t",
                   "consumerProps": {"bootstrap.servers": "127.0.0.1:1", "group.id": "g"}}}}""");
        Run run = run("server", "realtime", "--spec", spec.toString());
        assertThat(run.exitCode()).isEqualTo(TributaryCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("dataSchema.dataSource");
    }

    @Test
    void shouldRefuseAnUnknownConfigKeyNamingIt() throws IOException {
        Path spec = file("spec.json", "{}");
        Path config = file("runtime.properties", "tributary.http.prot=8084\n");
        Run run = run("server", "realtime", "--config", config.toString(), "--spec", spec.toString());
        assertThat(run.exitCode()).isEqualTo(TributaryCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("tributary.http.prot").contains("tributary.http.port");
    }

    @Test
    void shouldRefuseAMissingSpecFileNamingIt() {
        Run run = run("server", "realtime", "--spec", dir.resolve("absent.json").toString());
        assertThat(run.exitCode()).isEqualTo(TributaryCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("absent.json");
    }
}
