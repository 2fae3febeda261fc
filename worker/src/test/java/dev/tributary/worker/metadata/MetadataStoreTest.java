package dev.tributary.worker.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tributary.worker.metadata.MetadataStoreConfig.StorageType;
import dev.tributary.worker.metadata.OffsetLedger.PartitionCommit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the store: the embedded default, failures, retries, and keeping the password out of messages. */
class MetadataStoreTest {
    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20),
            Duration.ofMillis(250));

    @TempDir
    Path dir;

    private static MetadataStoreConfig embeddedIn(Path directory) {
        Properties props = new Properties();
        props.setProperty(MetadataStoreConfig.EMBEDDED_DIRECTORY.name(), directory.toString());
        return MetadataStoreConfig.from(props);
    }

    /** Everything a log would show of the exception: messages, causes and stack trace. */
    private static String printed(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void shouldKeepTheEmbeddedLedgerInItsDirectoryAcrossRestarts() {
        Path directory = dir.resolve("not-yet-created");
        MetadataStoreConfig config = embeddedIn(directory);
        try (MetadataStore store = MetadataStore.open(config)) {
            store.offsetLedger().claim("g", "t", List.of(0), "w");
            store.offsetLedger().commit("g", "t", Map.of(0, new PartitionCommit(1, null, 77)), "c1");
        }

        try (MetadataStore reopened = MetadataStore.open(config)) {
            assertThat(reopened.offsetLedger().committedOffsets("g", "t")).containsExactly(Map.entry(0, 77L));
        }
        assertThat(directory.resolve("metadata.mv.db")).isRegularFile();
    }

    @Test
    void shouldLetAnotherProcessUseTheEmbeddedDatabaseWhileThisOneHasItOpen() throws Exception {
        MetadataStoreConfig config = embeddedIn(dir);
        try (MetadataStore store = MetadataStore.open(config)) {
            store.offsetLedger().claim("g", "t", List.of(0), "this-process");

            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), EmbeddedStoreProcess.class.getName(), dir.toString())
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child process ends").isTrue();
            assertThat(child.exitValue()).as(output).isZero();
            assertThat(output).contains("epoch=2");
            assertThat(store.offsetLedger().claim("g", "t", List.of(0), "this-process").get(0).epoch()).isEqualTo(3);
        }
    }

    @Test
    void shouldGiveUpAfterTheRetryBudgetWhenTheDatabaseIsUnreachable() {
        String secret = "unreachable-S3cret-pw";
        // Port 1 on the loopback: nothing listens, so every connection is refused at once.
        MetadataStoreConfig config = new MetadataStoreConfig(StorageType.POSTGRESQL,
                "jdbc:postgresql://127.0.0.1:1/druid?password=" + secret, "druid", secret, "tributary");

        MetadataStoreException e = catchThrowableOfType(MetadataStoreException.class,
                () -> MetadataStore.open(config, QUICK));

        assertThat(e.isRetriable()).isTrue();
        assertThat(e.getMessage()).contains("failed 3 times").contains("127.0.0.1:1")
                .contains("Check that the database is running and reachable");
        assertThat(printed(e)).doesNotContain(secret);
    }

    @Test
    void shouldRefuseAMalformedConnectUriNamingTheKeyButNotThePassword() {
        String secret = "malformed-S3cret-pw";
        MetadataStoreConfig config = new MetadataStoreConfig(StorageType.POSTGRESQL,
                "jdbc:postgresql://127.0.0.1:notaport/druid?password=" + secret, "druid", secret, "tributary");

        MetadataStoreException e = catchThrowableOfType(MetadataStoreException.class,
                () -> MetadataStore.open(config, QUICK));

        assertThat(e.isRetriable()).isFalse();
        assertThat(e.getMessage()).contains(MetadataStoreConfig.CONNECT_URI.name()).contains("password=****")
                .contains("Check its form");
        assertThat(printed(e)).doesNotContain(secret);
    }

    @Test
    void shouldRefuseAWrongPasswordAtOnceWithoutShowingEitherPassword() {
        String right = "right-S3cret-pw";
        String wrong = "wrong-S3cret-pw";
        String uri = MetadataStoreConfig.embeddedUri(dir);
        try (MetadataStore created = MetadataStore.open(
                new MetadataStoreConfig(StorageType.EMBEDDED, uri, "tributary", right, "tributary"))) {
            assertThat(created.offsetLedger().committedOffsets("g", "t")).isEmpty();
        }

        MetadataStoreException e = catchThrowableOfType(MetadataStoreException.class, () -> MetadataStore.open(
                new MetadataStoreConfig(StorageType.EMBEDDED, uri, "tributary", wrong, "tributary"), QUICK));

        assertThat(e.isRetriable()).isFalse();
        assertThat(e.getMessage())
                .contains(MetadataStoreConfig.USER.name()).contains(MetadataStoreConfig.PASSWORD.name())
                .doesNotContain("failed 3 times");
        assertThat(printed(e)).doesNotContain(right).doesNotContain(wrong);
    }

    @Test
    void shouldKeepBoundValuesOutOfMessagesButNameTheStatement() {
        String secret = "bound-S3cret-value";
        try (MetadataStore store = MetadataStore.open(embeddedIn(dir))) {
            MetadataStoreException e = catchThrowableOfType(MetadataStoreException.class,
                    () -> store.withHandle("read a missing table", handle -> handle.createQuery(
                            "SELECT * FROM no_such_table WHERE name = :name").bind("name", secret).mapToMap().list()));

            assertThat(e.isRetriable()).isFalse();
            assertThat(e.getMessage()).contains("read a missing table").contains("NO_SUCH_TABLE");
            assertThat(e.getCause().getMessage()).contains("SELECT * FROM no_such_table WHERE name = :name");
            assertThat(printed(e)).doesNotContain(secret);
        }
    }

    @Test
    void shouldTreatConnectionFailuresDeadlocksAndSerializationFailuresAsTransient() {
        assertThat(SqlErrors.isTransient(new SQLException("refused", "08001"))).isTrue();
        assertThat(SqlErrors.isTransient(new SQLException("serialization failure", "40001"))).isTrue();
        assertThat(SqlErrors.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(SqlErrors.isTransient(new SQLException("lock timeout", "HYT00"))).isTrue();
        assertThat(SqlErrors.isTransient(new IllegalStateException(new SQLException("wrapped", "08006")))).isTrue();
        // A pool's timeout carries the state of the failure underneath it.
        assertThat(SqlErrors.isTransient(new SQLTransientConnectionException("pool timed out", "08001",
                new SQLException("refused", "08001")))).isTrue();
        assertThat(SqlErrors.isTransient(new SQLTransientConnectionException("pool timed out"))).isTrue();

        assertThat(SqlErrors.isTransient(new SQLTransientConnectionException("pool timed out", "28P01",
                new SQLException("password authentication failed", "28P01")))).isFalse();
        assertThat(SqlErrors.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(SqlErrors.isTransient(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(SqlErrors.isTransient(new IllegalStateException("not SQL"))).isFalse();
        assertThat(SqlErrors.isUniqueViolation(new IllegalStateException(new SQLException("dup", "23505")))).isTrue();
    }

    @Test
    void shouldDoubleTheBackoffUpToItsCap() {
        RetryPolicy policy = RetryPolicy.DEFAULT;

        assertThat(List.of(1, 2, 3, 4, 5, 6, 60).stream().map(policy::backoffAfter).map(Duration::toMillis))
                .containsExactly(100L, 200L, 400L, 800L, 1600L, 3000L, 3000L);
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(1)))
                .hasMessageContaining("firstBackoff <= maxBackoff");
    }

    @Test
    void shouldCreateTheEmbeddedDirectoryOnlyWhenOpened() {
        Path directory = dir.resolve("lazy");
        MetadataStoreConfig config = embeddedIn(directory);

        assertThat(Files.exists(directory)).isFalse();
        assertThat(config.connectUri())
                .isEqualTo("jdbc:h2:file:" + directory.resolve("metadata") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
    }
}
